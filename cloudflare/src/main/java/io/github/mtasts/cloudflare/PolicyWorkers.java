package io.github.mtasts.cloudflare;

import io.github.mtasts.cloudflare.CloudflareHttp.Operation;
import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.Waiter;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy hosts of mail domains served by Worker scripts that many domains may share: each
 * domain's body is put into or taken out of its script, and its host name {@code
 * mta-sts.DOMAIN} attached to or detached from the script as a custom domain.
 *
 * <p>A script holds the bodies of all its domains ({@link PolicyWorkerScript}), and an upload
 * replaces it whole, so every change of one domain reads the script, changes that domain's body
 * and uploads the result, one change of a script at a time ({@link ScriptLock}), and waits until
 * Cloudflare returns what was uploaded before the next change reads it. No operation overwrites
 * what it did not write: a script that is not an mtasts policy Worker, a body of the domain that
 * differs on create, and a host name held by another Worker are reported.
 */
public final class PolicyWorkers {

  private final CloudflareHttp http;
  private final WorkerScripts scripts;
  private final CustomDomains domains;

  PolicyWorkers(CloudflareHttp http, WorkerScripts scripts, CustomDomains domains) {
    this.http = http;
    this.scripts = scripts;
    this.domains = domains;
  }

  /**
   * Serves a domain's policy: its body into the script (made when there is none), then its host
   * name attached to the script. A body of the domain already in the script is taken only when
   * it is the same body (an earlier create whose outcome was lost).
   *
   * @param spec the policy host
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the complete policy host
   * @throws PolicyHostTakenException when the script serves another body for the domain or is
   *     not an mtasts policy Worker; nothing was changed
   * @throws PolicyHostIncompleteException when the body is in the script but the host name was
   *     not attached
   * @throws CloudflareException for other failures
   */
  public PolicyHost create(PolicyHostSpec spec, Waiter waiter) {
    return attach(spec, putBody(spec, false, waiter), waiter);
  }

  /**
   * Makes a domain's policy host what the spec says: the script serves its body (replacing the
   * one it served; the script is made again when it was deleted), and the host name is attached.
   *
   * @param spec the policy host
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the complete policy host
   * @throws PolicyHostTakenException when the script is not an mtasts policy Worker
   * @throws PolicyHostIncompleteException when the body is in the script but the host name was
   *     not attached
   * @throws CloudflareException for other failures
   */
  public PolicyHost update(PolicyHostSpec spec, Waiter waiter) {
    return attach(spec, putBody(spec, true, waiter), waiter);
  }

  /**
   * Reads what exists of a domain's policy host in a script.
   *
   * @param script the script name
   * @param domain the mail domain
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the body the script serves for the domain and the host's custom domain on this
   *     script, each when it exists; empty when neither does
   * @throws CloudflareException when a call fails
   */
  public Optional<PolicyHost> read(String script, String domain, Waiter waiter) {
    String name = WorkerScript.checkName("scriptName", script);
    String mailDomain = DnsNames.check("domain", domain);
    Optional<String> body = scripts.read(name, waiter).flatMap(PolicyWorkerScript::parse)
        .flatMap(served -> served.body(mailDomain));
    Optional<CustomDomain> attached = attachedTo(name, PolicyHost.hostname(mailDomain), waiter);
    if (body.isEmpty() && attached.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PolicyHost(name, mailDomain, body, attached));
  }

  /**
   * Stops serving a domain's policy: detaches its host name from the script, then takes its body
   * out of the script, and deletes the script when no domain is left in it. What is gone already
   * is not an error; a script that is not an mtasts policy Worker is left alone.
   *
   * @param script the script name
   * @param domain the mail domain
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @throws CloudflareException when a call fails
   */
  public void delete(String script, String domain, Waiter waiter) {
    String name = WorkerScript.checkName("scriptName", script);
    String mailDomain = DnsNames.check("domain", domain);
    attachedTo(name, PolicyHost.hostname(mailDomain), waiter)
        .ifPresent(attached -> domains.detach(attached.id(), waiter));
    ScriptLock.holding(http.settings(), name, waiter, () -> {
      Optional<PolicyWorkerScript> current = scripts.read(name, waiter).flatMap(PolicyWorkerScript::parse);
      if (current.isEmpty() || current.get().body(mailDomain).isEmpty()) {
        return name;
      }
      Optional<PolicyWorkerScript> rest = current.get().withoutPolicy(mailDomain);
      if (rest.isEmpty()) {
        scripts.delete(name, waiter);
      } else {
        uploadAndConfirm(name, rest.get(), waiter);
      }
      return name;
    });
  }

  /** The domain's body put into the script under the script's lock; the host as it then is. */
  private PolicyHost putBody(PolicyHostSpec spec, boolean replace, Waiter waiter) {
    return ScriptLock.holding(http.settings(), spec.script(), waiter, () -> {
      Optional<String> source = scripts.read(spec.script(), waiter);
      Optional<PolicyWorkerScript> current = source.flatMap(PolicyWorkerScript::parse);
      if (source.isPresent() && current.isEmpty()) {
        throw new PolicyHostTakenException("Worker " + spec.script() + " exists and is not an"
            + " mtasts policy Worker (its code was not written by mtasts); it was not changed."
            + " Choose another script name, or delete that Worker, then run again", null);
      }
      Optional<String> served = current.flatMap(script -> script.body(spec.domain()));
      if (served.isPresent() && served.get().equals(spec.body())) {
        return current.get();
      }
      if (served.isPresent() && !replace) {
        throw new PolicyHostTakenException("Worker " + spec.script() + " already serves a policy"
            + " for " + spec.domain() + " at " + spec.hostname() + ", another than this one; it"
            + " was not changed. To manage that policy host here, import it (import id "
            + importId(spec.script(), spec.domain()) + "), or take it out of the Worker where it"
            + " is declared, then run again", importId(spec.script(), spec.domain()));
      }
      PolicyWorkerScript next = current.map(script -> script.withPolicy(spec.domain(), spec.body()))
          .orElseGet(() -> PolicyWorkerScript.builder().policy(spec.domain(), spec.body()).build());
      uploadAndConfirm(spec.script(), next, waiter);
      return next;
    }).body(spec.domain()).map(body -> new PolicyHost(spec.script(), spec.domain(), Optional.of(body),
        Optional.empty())).orElseThrow();
  }

  /** The host name attached to the script, unless it is already. */
  private PolicyHost attach(PolicyHostSpec spec, PolicyHost served, Waiter waiter) {
    try {
      CustomDomain attached = attachedTo(spec.script(), spec.hostname(), waiter)
          .orElseGet(() -> domains.attach(spec.zoneId(), spec.hostname(), spec.script(), waiter));
      return new PolicyHost(spec.script(), spec.domain(), served.body(), Optional.of(attached));
    } catch (CloudflareException e) {
      throw new PolicyHostIncompleteException(served, e);
    } catch (WaitCancelledException e) {
      throw new PolicyHostIncompleteException(served, e);
    }
  }

  /** The custom domain of a host name, when it sends the host's requests to this script. */
  private Optional<CustomDomain> attachedTo(String script, String hostname, Waiter waiter) {
    return domains.find(hostname, waiter).filter(domain -> domain.service().equals(script));
  }

  /**
   * Uploads the script and reads it back until Cloudflare returns what was uploaded, so that
   * the next change of the script, which starts by reading it, builds on this one.
   */
  private void uploadAndConfirm(String script, PolicyWorkerScript content, Waiter waiter) {
    WorkerScript worker = content.worker(script);
    scripts.upload(worker, waiter);
    Operation operation = new Operation("the upload of Worker " + script, WorkerScripts.PERMISSION);
    for (int attempt = 1; ; attempt++) {
      if (scripts.read(script, waiter).filter(worker.source()::equals).isPresent()) {
        return;
      }
      http.backOff(operation, attempt, waiter, "Cloudflare does not return the uploaded content yet");
    }
  }

  /**
   * The import id of a domain's policy host.
   *
   * @param script the script name
   * @param domain the mail domain
   * @return {@code SCRIPT/DOMAIN}
   */
  public static String importId(String script, String domain) {
    return Objects.requireNonNull(script) + "/" + Objects.requireNonNull(domain);
  }
}
