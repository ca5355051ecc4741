package io.github.mtasts.sandbox;

import io.github.mtasts.testlab.AwsLab;
import io.github.mtasts.testlab.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * The servers of the sandbox that {@code scripts/sandbox.sh up} deploys a stack onto: moto for
 * the AWS APIs, and the AWS laboratory for one sample mail domain (a hosted zone holding its MX
 * record, a DNS server answering from moto's Route 53, an HTTPS edge serving what CloudFront
 * would, a STARTTLS MX host), on the loopback addresses of {@link SandboxPlan}. Once every server
 * answers it writes {@value #STATE_FILE} into the sandbox folder, and it runs until it is sent
 * SIGTERM or SIGINT ({@code scripts/sandbox.sh down}), when it stops them all and removes that
 * file.
 *
 * <p>moto is a process of its own: its id goes to {@value #MOTO_PID_FILE} as soon as it runs,
 * so that {@code down} can stop it even when this process was killed without the chance to.
 */
public final class SandboxServers {
  /** The servers' addresses, ports and credentials, for the script. */
  static final String STATE_FILE = "servers.env";
  /** The process id of moto. */
  static final String MOTO_PID_FILE = "moto.pid";

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private boolean stopping;

  private SandboxServers() {}

  /**
   * Starts the servers and waits until the process is told to stop.
   *
   * @param args {@code --dir DIR --domain DOMAIN --network 127.X.Y}
   * @throws InterruptedException never in practice: the process ends through its shutdown hook
   */
  public static void main(String[] args) throws InterruptedException {
    SandboxPlan plan;
    try {
      plan = SandboxPlan.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox servers: " + e.getMessage());
      System.exit(2);
      return;
    }
    SandboxServers servers = new SandboxServers();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.stop(plan), "sandbox-stop"));
    try {
      servers.start(plan);
    } catch (Exception e) {
      System.err.println("sandbox servers: could not start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
    System.out.println("sandbox servers ready: " + plan.dir().resolve(STATE_FILE));
    new CountDownLatch(1).await();
  }

  private void start(SandboxPlan plan) throws Exception {
    Files.createDirectories(plan.dir());
    MotoServer moto = started(MotoServer.start(plan.aws(), plan.dir().resolve("moto.log")));
    Files.writeString(plan.dir().resolve(MOTO_PID_FILE), moto.pid() + "\n");
    AwsLab lab = started(AwsLab.start(moto.endpoint(), plan.dir(), List.of(plan.domain()),
        plan.labAddresses()));
    Map<String, String> state = new LinkedHashMap<>();
    state.put("domain", plan.domain());
    state.put("zoneId", lab.zoneId(plan.domain()));
    state.put("awsEndpoint", moto.endpoint().toString());
    state.put("resolver", lab.resolver());
    state.put("caFile", lab.caFile().toString());
    state.put("edgeAddress", plan.edge().getHostAddress());
    state.put("httpsPort", String.valueOf(lab.httpsPort()));
    state.put("smtpPort", String.valueOf(lab.smtpPort()));
    // The AWS SDK's credentials for moto, and no configuration file: a person's own AWS
    // profile stays out of the sandbox.
    state.putAll(new TreeMap<>(AwsLab.awsEnvironment(plan.dir())));
    StateFile.write(plan.dir().resolve(STATE_FILE), state);
  }

  /** Records a server to stop, or stops it at once when the process is already stopping. */
  private <T extends AutoCloseable> T started(T server) throws Exception {
    synchronized (running) {
      if (!stopping) {
        running.push(server);
        return server;
      }
    }
    server.close();
    throw new InterruptedException("stopping");
  }

  private void stop(SandboxPlan plan) {
    synchronized (running) {
      stopping = true;
    }
    try {
      Files.deleteIfExists(plan.dir().resolve(STATE_FILE));
    } catch (IOException e) {
      System.err.println("sandbox servers: " + e);
    }
    while (true) {
      AutoCloseable server;
      synchronized (running) {
        server = running.poll();
      }
      if (server == null) {
        break;
      }
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("sandbox servers: stopping " + server + ": " + e);
      }
    }
    try {
      Files.deleteIfExists(plan.dir().resolve(MOTO_PID_FILE));
    } catch (IOException e) {
      System.err.println("sandbox servers: " + e);
    }
    System.out.println("sandbox servers stopped");
  }
}
