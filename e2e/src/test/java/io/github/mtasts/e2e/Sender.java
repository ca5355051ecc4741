package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mtasts.testlab.GitHubPagesLab;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import io.github.mtasts.testlab.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;

/**
 * A sending MTA, as the GitHub Pages tests play it: it fetches the policy from the Pages edge
 * while a command runs, what it saw must never pair an id with a body other than the one that id
 * announces (RFC 8461 §3.1), and {@code mtasts verify} checks the domain as it sees it.
 */
final class Sender {
  private Sender() {}

  /**
   * Runs an action while a sender fetches the policy over HTTPS from the Pages edge, every 200
   * ms; the edge's {@code onServe} records what each fetch saw.
   *
   * @param lab the laboratory
   * @param pki the test CA the edge's certificate comes from
   * @param domain the mail domain
   * @param action what runs meanwhile
   * @throws InterruptedException when interrupted while the sender stops
   */
  static void whileFetching(GitHubPagesLab lab, TestPki pki, String domain, Runnable action)
      throws InterruptedException {
    AtomicBoolean sending = new AtomicBoolean(true);
    Thread sender = new Thread(() -> fetch(lab, pki, domain, sending), "sender");
    sender.start();
    try {
      action.run();
    } finally {
      sending.set(false);
      sender.join();
    }
  }

  private static void fetch(GitHubPagesLab lab, TestPki pki, String domain,
      AtomicBoolean sending) {
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(pki.root.certificate()).build();
    OkHttpClient client = new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .dns(host -> List.of(lab.edgeAddress()))
        .followRedirects(false)
        .build();
    Request request = new Request.Builder().url("https://mta-sts." + domain + ":"
        + lab.httpsPort() + "/" + PagesSiteChecks.POLICY_PATH).build();
    while (sending.get()) {
      try (Response response = client.newCall(request).execute()) {
        response.body().string();
      } catch (IOException e) {
        // A fetch refused while the site changes is no observation; the next one is.
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * RFC 8461 §3.1 across a convergence from a body made by hand to the canonical one: the
   * canonical id was never seen with another body, the old body never with another id than the
   * old one, and the canonical body went live while the old id was still announced.
   *
   * @param observations what the sender saw during the update
   * @param oldBody the body made by hand
   * @param oldTxt the {@code _mta-sts} record made by hand, as the zone holds it
   * @param newBody the canonical body
   * @param newTxt the canonical {@code _mta-sts} record, as the zone holds it
   */
  static void assertNoIdWhosePolicyIsNotServed(List<Observation> observations, String oldBody,
      String oldTxt, String newBody, String newTxt) {
    for (Observation o : observations) {
      if (o.stsTxt().equals(Optional.of(newTxt))) {
        assertEquals(newBody, o.body(), "the canonical id while the old body was served: "
            + observations);
      }
      if (o.body().equals(oldBody)) {
        assertEquals(Optional.of(oldTxt), o.stsTxt(), observations.toString());
      }
    }
    Observation first = observations.stream().filter(o -> o.body().equals(newBody)).findFirst()
        .orElseThrow(() -> new AssertionError("the canonical body was never served: "
            + observations));
    assertEquals(Optional.of(oldTxt), first.stsTxt(),
        "the canonical body went live before the id changed: " + observations);
  }

  /**
   * {@code mtasts verify} of the domain, as a sender sees it, against the laboratory; its output
   * is printed for the test's report.
   *
   * @param resolver the DNS server, {@code HOST:PORT}
   * @param caFile the test CA's PEM file
   * @param httpsPort the port standing for 443
   * @param smtpPort the port standing for 25
   * @param domain the mail domain
   * @return the command's exit code
   */
  static int verify(String resolver, Path caFile, int httpsPort, int smtpPort, String domain) {
    Path repository = Repository.root();
    CommandResult result = CommandResult.run(repository, List.of(
        repository.resolve("bin/mtasts").toString(), "verify",
        "--resolver", resolver, "--ca-file", caFile.toString(),
        "--https-port", String.valueOf(httpsPort),
        "--smtp-port", String.valueOf(smtpPort), domain), Map.of(),
        Duration.ofMinutes(2));
    System.out.println(result.output());
    return result.exitCode();
  }
}
