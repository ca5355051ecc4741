/**
 * A client of the GitHub REST API for serving an MTA-STS policy (RFC 8461 §3.3) with GitHub
 * Pages, as the by-hand recipe does: a public repository, the files {@code .nojekyll},
 * {@code .well-known/mta-sts.txt} and {@code CNAME} in one commit, Pages published from the
 * default branch's root, the custom domain {@code mta-sts.DOMAIN}, the wait for its certificate,
 * then enforced HTTPS. Plain OkHttp and Gson; nothing of Pulumi.
 *
 * <p>{@link io.github.mtasts.github.GitHub} holds the HTTP client and hands out
 * {@link io.github.mtasts.github.Repositories}, {@link io.github.mtasts.github.Contents} and
 * {@link io.github.mtasts.github.Pages}; {@link io.github.mtasts.github.PolicySites} composes them
 * into the site of one mail domain (create, adopt, update, read, delete). Every operation takes
 * {@link io.github.mtasts.wait.WaitOptions}: one time budget for all its waits (rate limits,
 * retries, certificate polls) and a {@link io.github.mtasts.wait.Progress} sink. Failures are
 * {@link io.github.mtasts.github.GitHubException}s whose subclasses' documentation says what the
 * caller must do; bad input is an {@link io.github.mtasts.github.InvalidSpecException} before any
 * request. The token is sent in the {@code Authorization} header only: no message, progress line
 * or {@code toString()} shows it.
 *
 * <h2>What the code relies on, and where GitHub says so</h2>
 *
 * <p>Sources: the OpenAPI description of the REST API (github/rest-api-description,
 * {@code api.github.com}, version 2022-11-28), cited by operation id; GitHub's documentation,
 * cited by page title; and, where both are silent, GitHub's answers as users reported them,
 * marked "observed".
 *
 * <p>Requests and versions
 * <ul>
 *   <li>Headers {@code Accept: application/vnd.github+json}, {@code X-GitHub-Api-Version:
 *       2022-11-28} ("API Versions"; an unsupported version is a 400), a {@code User-Agent}
 *       (requests without one are rejected) and {@code Authorization: Bearer TOKEN}
 *       ("Troubleshooting the REST API", "Authenticating to the REST API").
 *   <li>401 "Bad credentials" for a wrong, expired or revoked token; 404 rather than 403 for what
 *       a token may not see; 403 "Resource not accessible by personal access token" with
 *       {@code X-Accepted-GitHub-Permissions} (e.g. {@code contents=write}, sets separated by
 *       {@code ;}) naming the permissions a fine-grained token lacks; {@code X-Accepted-OAuth-Scopes}
 *       for classic tokens; 422 "Validation Failed" with {@code errors[].code}
 *       ("Troubleshooting the REST API"). Every answer may carry {@code x-github-request-id}.
 *   <li>Permissions of a fine-grained token ("Permissions required for fine-grained personal
 *       access tokens"): "Administration: write" to create and delete repositories and, with
 *       "Pages: write", to create, update and delete a Pages site and run its health check;
 *       "Contents: write" for the Git database and the contents API; "Pages: read" to read the site; "Metadata:
 *       read" to read a repository.
 * </ul>
 *
 * <p>Rate limits ("Rate limits for the REST API", "Best practices for using the REST API")
 * <ul>
 *   <li>Every answer carries {@code x-ratelimit-limit}, {@code x-ratelimit-remaining},
 *       {@code x-ratelimit-used}, {@code x-ratelimit-reset} (UTC epoch seconds) and
 *       {@code x-ratelimit-resource}.
 *   <li>Primary limit exceeded: 403 or 429 with {@code x-ratelimit-remaining: 0}; do not retry
 *       before {@code x-ratelimit-reset}. Secondary limit: 403 or 429 and a message saying so;
 *       wait {@code retry-after} seconds when present, else until the reset when remaining is 0,
 *       else at least one minute, growing exponentially.
 *   <li>Conditional requests: {@code If-None-Match} with a previous {@code ETag}; a 304 "does not
 *       count against your primary rate limit". Used when polling the Pages site.
 *   <li>Requests are made one at a time, never concurrently ("Avoid concurrent requests").
 * </ul>
 *
 * <p>Repositories
 * <ul>
 *   <li>repos/get ({@code GET /repos/{owner}/{repo}}): 200 full-repository ({@code full_name},
 *       {@code default_branch}, {@code private}, {@code archived}, {@code permissions.admin}),
 *       301 when renamed (followed), 403, 404. Names are not case sensitive.
 *   <li>repos/create-for-authenticated-user ({@code POST /user/repos}, body {@code private}) and
 *       repos/create-in-org ({@code POST /orgs/{org}/repos}, body {@code visibility}): 201;
 *       {@code auto_init: true} "create[s] an initial commit with empty README", so the default
 *       branch exists; 422 when the name exists (error message "name already exists on this
 *       account", observed). users/get-authenticated ({@code GET /user}, {@code login}) tells
 *       which of the two applies.
 *   <li>repos/delete ({@code DELETE /repos/{owner}/{repo}}): 204; 403 when the organisation
 *       forbids members to delete repositories; 404.
 *   <li>The {@code description} given at creation is returned by repos/get: a repository this
 *       package created for a domain says so there, which is how a later create tells its own
 *       repository from someone else's. "Creating a new repository": the web interface may
 *       initialise a repository with a README, a {@code .gitignore} and a licence; without them
 *       it has no commit at all.
 * </ul>
 *
 * <p>Git database ("Getting started with the Git Database API" and the operations below)
 * <ul>
 *   <li>git/get-ref ({@code GET .../git/ref/heads/BRANCH}): 200 git-ref ({@code object.sha}); 404
 *       for a missing branch; 409 for an empty repository ("Git Repository is empty.", observed).
 *   <li>git/get-commit: 200 git-commit ({@code tree.sha}). git/get-tree with {@code recursive}:
 *       200 git-tree, entries of {@code path}, {@code type}, {@code sha}, and {@code truncated}.
 *       git/get-blob: {@code content} in Base64 ({@code encoding: base64}).
 *   <li>git/create-blob ({@code content}, {@code encoding} utf-8 or base64), git/create-tree
 *       ({@code base_tree} and entries of {@code path}, {@code mode} 100644, {@code type} blob,
 *       {@code sha}; nested paths accepted), git/create-commit ({@code message}, {@code tree},
 *       {@code parents}; author and committer default to the authenticated user): 201 with
 *       {@code sha}. Object ids are Git's (SHA-1 of the object), so an unchanged file's blob id
 *       is known without a request and an unchanged site needs no commit.
 *   <li>git/update-ref ({@code PATCH .../git/refs/heads/BRANCH}, {@code sha}, {@code force:
 *       false}, which "will make sure you're not overwriting work"): 200; 422 "Update is not a
 *       fast forward" (observed) when the branch moved: reported as a
 *       {@link io.github.mtasts.github.ConcurrentPushException}, never forced.
 *   <li>repos/create-or-update-file-contents ({@code PUT /repos/{owner}/{repo}/contents/{path}},
 *       {@code message}, {@code content} in Base64): 201 for a new file. It writes the first
 *       commit of an empty repository and creates its default branch, which the Git database
 *       cannot (observed); used only for that, since it commits one file at a time.
 * </ul>
 *
 * <p>Pages
 * <ul>
 *   <li>repos/get-pages ({@code GET /repos/{owner}/{repo}/pages}): 200 page, 404 when off. Fields
 *       read: {@code status} (built, building, errored, or null), {@code cname}, {@code source}
 *       ({@code branch}, {@code path}), {@code https_enforced}, {@code protected_domain_state}
 *       (pending, verified, unverified), {@code https_certificate} ({@code state},
 *       {@code description}, {@code domains}, {@code expires_at}). {@code state} is one of new,
 *       authorization_created, authorization_pending, authorized, authorization_revoked, issued,
 *       uploaded, approved, errored, bad_authz, destroy_pending, dns_changed (schema
 *       pages-https-certificate); GitHub's example of a served certificate reads "approved",
 *       "Certificate is approved": this client waits for approved, and treats errored, bad_authz
 *       and authorization_revoked as failed.
 *   <li>repos/create-pages-site ({@code POST}, {@code build_type: legacy}, {@code source.branch},
 *       {@code source.path} "/"): 201 page; 409 "GitHub Pages is already enabled." (observed);
 *       422 "Your current plan does not support GitHub Pages for this repository." for a private
 *       repository on a free plan (observed; "About GitHub Pages": Pages serves private
 *       repositories with GitHub Pro, Team and Enterprise only).
 *   <li>repos/update-information-about-pages-site ({@code PUT}, {@code cname} — null removes it —
 *       and {@code https_enforced}): 204, 400, 409, 422. A custom domain another repository has:
 *       "The CNAME ... is already taken" (observed; "Verifying your custom domain for GitHub
 *       Pages" says how to release it). {@code https_enforced: true} before the certificate
 *       exists: 404 "The certificate does not exist yet" (observed).
 *   <li>repos/delete-pages-site ({@code DELETE}): 204, 404, 409, 422.
 *   <li>repos/get-pages-health-check ({@code GET .../pages/health}): the first request answers 202
 *       and starts the check, later ones 200 pages-health-check ({@code domain.dns_resolves},
 *       {@code is_cname_to_github_user_domain}, {@code is_proxied}, {@code is_https_eligible},
 *       {@code caa_error}, {@code reason}); 400 custom domains not available; 422 no CNAME.
 *       Used to explain a certificate that does not come.
 *   <li>"Securing your GitHub Pages site with HTTPS": setting the custom domain starts a DNS check;
 *       when it passes GitHub requests a certificate from Let's Encrypt and uploads it; "up to 24
 *       hours"; the whole domain name must be shorter than 64 characters. A failed check is
 *       started again by clearing and setting the custom domain (observed: users report the
 *       check does not restart by itself).
 *   <li>"Managing a custom domain for your GitHub Pages site": a site published from a branch
 *       keeps its custom domain in a {@code CNAME} file at the root of the publishing source
 *       (written by the web interface as the bare name, without a line end: observed); the
 *       {@code mta-sts} name must be a CNAME record to {@code OWNER.github.io}; and the custom
 *       domain is to be set on the site before the DNS record points at GitHub, or someone else
 *       could serve a site at the name: the order {@link io.github.mtasts.github.PolicySites}
 *       and its callers keep (site and domain, then the record, then the certificate).
 *   <li>"About GitHub Pages and Jekyll": by default Jekyll does not build files or folders whose
 *       name starts with {@code .}, {@code _} or {@code #}; an empty {@code .nojekyll} file at the
 *       root of the publishing source turns Jekyll off, which {@code .well-known/} needs.
 * </ul>
 */
package io.github.mtasts.github;
