package io.github.mtasts.cloudflare;

/**
 * The Cloudflare v4 API, as far as mtasts uses it: zones, DNS records, Workers scripts and
 * Workers custom domains, and the policy Workers built on the last two. Thread-safe; close it
 * when done. Every call takes the {@link io.github.mtasts.wait.Waiter} of the operation it is
 * part of: the calls of one operation share its deadline, and their retries report to its
 * progress.
 *
 * <pre>{@code
 * try (CloudflareClient cloudflare = CloudflareClient.create(settings)) {
 *   Waiter waiter = Waiter.start(WaitOptions.builder().timeout(Duration.ofMinutes(5)).build());
 *   Zone zone = cloudflare.zones().find("example.com", waiter);
 *   cloudflare.dnsRecords().create(DnsRecord.builder().zoneId(zone.id())
 *       .name("_smtp._tls.example.com").type("TXT")
 *       .value("v=TLSRPTv1; rua=mailto:tlsrpt@example.com").build(), waiter);
 * }
 * }</pre>
 */
public final class CloudflareClient implements AutoCloseable {

  private final CloudflareHttp http;
  private final Zones zones;
  private final DnsRecords dnsRecords;
  private final WorkerScripts workerScripts;
  private final CustomDomains customDomains;
  private final PolicyWorkers policyWorkers;

  private CloudflareClient(CloudflareSettings settings) {
    this.http = new CloudflareHttp(settings);
    this.zones = new Zones(http);
    this.dnsRecords = new DnsRecords(http);
    this.workerScripts = new WorkerScripts(http);
    this.customDomains = new CustomDomains(http);
    this.policyWorkers = new PolicyWorkers(http, workerScripts, customDomains);
  }

  /**
   * Creates a client.
   *
   * @param settings the token, account and address
   * @return the client
   */
  public static CloudflareClient create(CloudflareSettings settings) {
    return new CloudflareClient(settings);
  }

  /**
   * Returns the zones operations.
   *
   * @return the zones
   */
  public Zones zones() {
    return zones;
  }

  /**
   * Returns the DNS records operations.
   *
   * @return the DNS records
   */
  public DnsRecords dnsRecords() {
    return dnsRecords;
  }

  /**
   * Returns the Workers scripts operations.
   *
   * @return the scripts
   */
  public WorkerScripts workerScripts() {
    return workerScripts;
  }

  /**
   * Returns the Workers custom domains operations.
   *
   * @return the custom domains
   */
  public CustomDomains customDomains() {
    return customDomains;
  }

  /**
   * Returns the policy hosts of mail domains served by shared Worker scripts.
   *
   * @return the policy Workers
   */
  public PolicyWorkers policyWorkers() {
    return policyWorkers;
  }

  @Override
  public String toString() {
    return "CloudflareClient{" + http.settings() + "}";
  }

  @Override
  public void close() {
    http.close();
  }
}
