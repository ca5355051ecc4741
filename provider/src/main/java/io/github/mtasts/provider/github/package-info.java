/**
 * The GitHub Pages resources: the policy site of a mail domain
 * ({@link io.github.mtasts.provider.github.PagesSiteResource}, {@code mtasts:github:PagesSite}:
 * repository, files, Pages, custom domain) and the wait for its certificate, then enforced HTTPS
 * ({@link io.github.mtasts.provider.github.PagesHttpsResource}, {@code mtasts:github:PagesHttps}).
 * They are two resources so that the {@code mta-sts} CNAME record, which GitHub's DNS check wants
 * before it issues the certificate, is created between them, in whatever DNS service the program
 * uses, and so that a wait that runs out keeps the site whole and only the wait partial.
 * {@link io.github.mtasts.provider.github.GitHubAccess} reaches GitHub with the provider's
 * settings ({@code githubToken}, {@code githubOwner}, {@code githubApiBaseUrl}).
 */
package io.github.mtasts.provider.github;
