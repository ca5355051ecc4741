package io.github.mtasts.github;

import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import io.github.mtasts.wait.Waiter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Creates, updates, reads and deletes the policy site of one mail domain on GitHub Pages, the
 * by-hand recipe as operations: a public repository, the site's files in one commit
 * ({@link PolicySiteSpec#files()}), Pages published from the default branch's root, and the
 * custom domain {@code mta-sts.DOMAIN}. The certificate of that domain, and enforcing HTTPS, come
 * after the domain's CNAME record exists: {@link Pages#enforceHttps}.
 *
 * <p>Every step reads what exists and does only what is missing, so that running an operation
 * again finishes what an earlier run started. A create takes a repository that does not exist
 * (and creates it), or one it may adopt: one this package created for the same domain (its
 * description says so), or an empty one (no commit, or only the README, licence and
 * {@code .gitignore} the web interface initialises a repository with, and no custom domain). Any
 * other repository is refused with a {@link RepositoryExistsException}: it belongs to someone, or
 * serves another domain's policy (GitHub gives a Pages site one custom domain, so one repository
 * serves one domain); such a repository is adopted by importing it, which reads it with
 * {@link #read}. A delete removes the repository only when this package created it; an adopted
 * repository is left as it is, with the site's files, Pages and its custom domain, so that the
 * policy stays served.
 */
public final class PolicySites {

  /** What the web interface can initialise a new repository with ("Creating a new repository"). */
  private static final Set<String> INITIAL_FILES = Set.of("README.md", "LICENSE", ".gitignore");

  private final Repositories repositories;
  private final Contents contents;
  private final Pages pages;
  private final Branches branches;

  /**
   * The operations over a client.
   *
   * @param github the client
   */
  public PolicySites(GitHub github) {
    this.repositories = github.repositories();
    this.contents = github.contents();
    this.pages = github.pages();
    this.branches = github.branches();
  }

  /**
   * Creates the site: the repository (or adopts one, see the class documentation), the files,
   * Pages and the custom domain.
   *
   * @param spec the site
   * @param wait the operation's time budget and progress
   * @return the site as created
   * @throws RepositoryExistsException when the repository exists and may not be adopted; nothing
   *     was changed
   * @throws PolicySiteIncompleteException when a step after the repository failed
   * @throws GitHubException when the repository could not be read or created
   */
  public PolicySiteState create(PolicySiteSpec spec, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    RepositoryName name = spec.repository();
    Optional<Repository> existing = repositories.get(name, waiter);
    if (existing.isEmpty()) {
      try {
        Repository created = repositories.create(name, spec.description(), rest(wait, waiter));
        waiter.progress().report("created the public repository " + created.name());
        return converge(PolicySiteState.of(usable(created), true), spec, wait, waiter);
      } catch (RepositoryExistsException e) {
        existing = Optional.of(e.existing()); // made by someone else meanwhile
      }
    }
    Repository repository = usable(existing.get());
    boolean ours = adoptable(repository, spec, wait, waiter);
    waiter.progress().report(ours
        ? "repository " + repository.name() + " was created for this site earlier: taking it"
        : "repository " + repository.name() + " is empty: adopting it (it stays when the site is"
            + " deleted)");
    return converge(PolicySiteState.of(repository, ours), spec, wait, waiter);
  }

  /**
   * Brings a site to the spec: commits the files that differ (one commit), turns Pages on, sets
   * the custom domain; finishes a site whose create or update stopped part way.
   *
   * @param current the site as recorded, complete or partial
   * @param spec the site wanted, in the same repository
   * @param wait the operation's time budget and progress
   * @return the site as updated
   * @throws InvalidSpecException when the spec names another repository
   * @throws PolicySiteIncompleteException when a step failed
   * @throws GitHubException when the repository no longer exists, or cannot be read
   */
  public PolicySiteState update(PolicySiteState current, PolicySiteSpec spec, WaitOptions wait) {
    if (!current.repository().equals(spec.repository())) {
      throw new InvalidSpecException("repository", spec.repository(), "the site is served from "
          + current.repository() + ", and a site cannot move: replace it instead");
    }
    Waiter waiter = Waiter.start(wait);
    Repository repository = usable(repositories.get(spec.repository(), waiter).orElseThrow(() ->
        new GitHubException("repository " + spec.repository() + " of the policy site no longer"
            + " exists: refresh the state (pulumi refresh), and the next update creates it")));
    return converge(PolicySiteState.of(repository, current.created()), spec, wait, waiter);
  }

  /**
   * Reads a site by its repository, for refresh and import.
   *
   * @param repository owner and name
   * @param wait the operation's time budget
   * @return what exists, with {@code created} false (a read cannot tell), or empty when the
   *     repository does not exist
   * @throws GitHubException when a call fails
   */
  public Optional<PolicySiteState> read(RepositoryName repository, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    Optional<Repository> found = repositories.get(repository, waiter);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RepositoryName name = found.get().name();
    String branch = found.get().defaultBranch();
    PolicySiteState state = PolicySiteState.of(found.get(), false);
    Optional<String> head = branches.head(name, branch, waiter);
    if (head.isPresent()) {
      BranchFiles files = contents.read(name, branch, List.of(PolicySiteSpec.NOJEKYLL_PATH,
          PolicySiteSpec.POLICY_PATH, PolicySiteSpec.CNAME_PATH), rest(wait, waiter));
      state = state.withFiles(files.head(), files.files());
    }
    Optional<PagesSite> site = pages.get(name, rest(wait, waiter));
    return Optional.of(state.withPages(site.map(s -> s.publishesRootOf(branch)).orElse(false),
        site.flatMap(PagesSite::cname)));
  }

  /**
   * Deletes the site: the repository when this package created it; otherwise nothing, and the
   * repository stays as it is, still serving the policy.
   *
   * @param state the site as recorded
   * @param wait the operation's time budget and progress
   * @throws GitHubException when GitHub refuses to delete the repository
   */
  public void delete(PolicySiteState state, WaitOptions wait) {
    if (state.created()) {
      repositories.delete(state.repository(), wait);
      return;
    }
    wait.progress().report("repository " + state.repository() + " was adopted, not created:"
        + " left as it is, with the site's files, GitHub Pages and its custom domain");
  }

  private PolicySiteState converge(PolicySiteState start, PolicySiteSpec spec, WaitOptions wait,
      Waiter waiter) {
    RepositoryName name = start.repository();
    String branch = start.defaultBranch();
    PolicySiteState reached = start;
    try {
      if (branches.head(name, branch, waiter).isEmpty()) {
        // An empty repository: the Git database cannot write its first commit.
        contents.initialize(name, PolicySiteSpec.NOJEKYLL_PATH, new byte[0],
            "Start the MTA-STS policy site of " + spec.domain(), rest(wait, waiter));
      }
      CommitResult commit = contents.commit(name, branch, spec.files(),
          "Publish the MTA-STS policy of " + spec.domain(), rest(wait, waiter));
      reached = reached.withFiles(commit.head(), spec.files());
      if (commit.committed()) {
        waiter.progress().report("committed " + String.join(", ", commit.changedPaths()) + " to "
            + branch + " of " + name + " (" + commit.head().substring(0, 7) + ")");
      }
      Optional<PagesSite> site = pages.get(name, rest(wait, waiter));
      PagesSite published = site.isPresent() ? site.get()
          : pages.enable(name, branch, rest(wait, waiter));
      if (!published.publishesRootOf(branch)) {
        throw new GitHubException("GitHub Pages of " + name + " publishes "
            + published.sourceBranch() + " " + published.sourcePath() + ", not " + branch
            + " /: change the source in the repository's Pages settings to " + branch
            + " and / (root), or use another repository");
      }
      reached = reached.withPages(true, published.cname());
      if (!spec.host().equalsIgnoreCase(published.cname().orElse(""))) {
        pages.setCustomDomain(name, spec.host(), rest(wait, waiter));
        reached = reached.withPages(true, Optional.of(spec.host()));
        waiter.progress().report("set the custom domain of the GitHub Pages site of " + name
            + " to " + spec.host());
      }
      return reached;
    } catch (GitHubException | WaitTimeoutException e) {
      throw new PolicySiteIncompleteException(reached, e);
    }
  }

  /**
   * Whether an existing repository may be taken for the site: true when this package created it
   * for this domain, false when it is empty; otherwise it is refused.
   */
  private boolean adoptable(Repository repository, PolicySiteSpec spec, WaitOptions wait,
      Waiter waiter) {
    Optional<String> madeFor = repository.description().flatMap(PolicySiteSpec::domainOf);
    if (madeFor.filter(spec.domain()::equals).isPresent()) {
      return true;
    }
    if (madeFor.isPresent()) {
      throw new RepositoryExistsException(repository, "serves the MTA-STS policy of "
          + madeFor.get() + " (its description says so), and a GitHub Pages site has one custom"
          + " domain: give " + spec.domain() + " a repository of its own");
    }
    RepositoryName name = repository.name();
    Optional<String> customDomain = pages.get(name, rest(wait, waiter)).flatMap(PagesSite::cname);
    SortedSet<String> files = branches.head(name, repository.defaultBranch(), waiter).isEmpty()
        ? new TreeSet<>()
        : contents.paths(name, repository.defaultBranch(), rest(wait, waiter));
    files.removeAll(INITIAL_FILES);
    if (files.isEmpty() && customDomain.isEmpty()) {
      return false;
    }
    String holds = files.isEmpty() ? "" : "holds " + files.size() + " file"
        + (files.size() == 1 ? "" : "s") + " (" + String.join(", ", files.stream().limit(5)
            .toList()) + (files.size() > 5 ? ", ..." : "") + ")";
    String serves = customDomain.map(d -> "its GitHub Pages site has the custom domain " + d)
        .orElse("");
    throw new RepositoryExistsException(repository, holds + (holds.isEmpty() || serves.isEmpty()
        ? "" : ", and ") + serves);
  }

  /** A repository the site can be served from: not archived, administered by the token's user. */
  private static Repository usable(Repository repository) {
    if (repository.archived()) {
      throw new GitHubException("repository " + repository.name() + " is archived (read-only):"
          + " unarchive it in its settings, or use another repository");
    }
    if (!repository.admin()) {
      throw new GitHubException("the token's user has no admin rights on " + repository.name()
          + ", which configuring GitHub Pages needs: use a token of an administrator of the"
          + " repository, or another repository");
    }
    return repository;
  }

  /** The options of a step: what is left of the operation's budget, the same progress. */
  private static WaitOptions rest(WaitOptions wait, Waiter waiter) {
    Duration remaining = waiter.remaining();
    if (remaining.isNegative() || remaining.isZero()) {
      throw new WaitTimeoutException("the policy site's next step", "out of time",
          waiter.elapsed(), "");
    }
    return wait.toBuilder().timeout(remaining).build();
  }
}
