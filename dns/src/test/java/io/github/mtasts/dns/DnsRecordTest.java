package io.github.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnsRecordTest {

  private static final RecordId POLICY_HOST = new RecordId("Z1", "mta-sts.example.com", RecordType.CNAME);
  private static final RecordId STS = new RecordId("Z1", "_mta-sts.example.com", RecordType.TXT);

  @Test
  void aCnameHasExactlyOneTargetKeptAsANormalisedName() {
    assertEquals(List.of("d111.cloudfront.net"), new DnsRecord(POLICY_HOST, 300, List.of("D111.CloudFront.NET.")).values());
    assertEquals("values", assertThrows(InvalidRecordException.class,
        () -> new DnsRecord(POLICY_HOST, 300, List.of("a.example.net", "b.example.net"))).field());
  }

  @Test
  void txtTextsAreKeptAsGiven() {
    assertEquals(List.of("v=STSv1; id=1", "Other Text"), new DnsRecord(STS, 60, List.of("v=STSv1; id=1", "Other Text")).values());
  }

  @Test
  void aRecordSetHasAValueAndATtlOfZeroOrMore() {
    assertEquals("values", assertThrows(InvalidRecordException.class, () -> new DnsRecord(STS, 300, List.of())).field());
    assertEquals("ttl", assertThrows(InvalidRecordException.class, () -> new DnsRecord(STS, -1, List.of("x"))).field());
  }
}
