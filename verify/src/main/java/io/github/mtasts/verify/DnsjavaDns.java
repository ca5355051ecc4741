package io.github.mtasts.verify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import okhttp3.Dns;

/**
 * Lets OkHttp resolve through the verification's own {@link DnsClient}, so the policy fetch
 * uses the same resolver (and the same answers) as every other lookup of the verification.
 */
final class DnsjavaDns implements Dns {
  private final DnsClient dns;

  DnsjavaDns(DnsClient dns) {
    this.dns = dns;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    DnsClient.Addresses addresses;
    try {
      addresses = dns.addresses(hostname).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnknownHostException(hostname + ": interrupted");
    } catch (ExecutionException e) {
      // DnsClient futures never fail; keep the cause if that ever changes.
      UnknownHostException unknown = new UnknownHostException(hostname + ": " + e.getCause());
      unknown.initCause(e.getCause());
      throw unknown;
    }
    if (addresses.addresses().isEmpty()) {
      String why = addresses.failure() != null ? addresses.failure() : "no A or AAAA record";
      throw new UnknownHostException(hostname + ": " + why);
    }
    return addresses.addresses();
  }
}
