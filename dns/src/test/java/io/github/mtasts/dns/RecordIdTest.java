package io.github.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordIdTest {

  @Test
  void theImportIdRoundTripsWithTheNameNormalised() {
    RecordId id = RecordId.parse("Z0123456789ABC/_MTA-STS.Example.com./txt", "Z0123456789ABC");
    assertEquals(new RecordId("Z0123456789ABC", "_mta-sts.example.com", RecordType.TXT), id);
    assertEquals("Z0123456789ABC/_mta-sts.example.com/TXT", id.toString());
    assertEquals(id, RecordId.parse(id.toString(), "Z0123456789ABC"));
  }

  @Test
  void aMalformedImportIdIsRefusedWithTheShapeAndAnExampleOfTheService() {
    InvalidRecordException parts = assertThrows(InvalidRecordException.class,
        () -> RecordId.parse("_mta-sts.example.com", "023e105f4ecef8ad9ca31a8372d0c353"));
    assertEquals("id", parts.field());
    assertTrue(parts.getMessage().contains("ZONEID/NAME/TYPE, e.g. 023e105f4ecef8ad9ca31a8372d0c353/_mta-sts.example.com/TXT"),
        parts.getMessage());
    assertTrue(assertThrows(InvalidRecordException.class, () -> RecordId.parse("Z1/example.com/MX", "Z1"))
        .getMessage().contains("TXT or CNAME"));
    assertTrue(assertThrows(InvalidRecordException.class, () -> RecordId.parse("Z1/-bad.example.com/TXT", "Z1"))
        .getMessage().contains("-bad"));
    assertEquals("zone", assertThrows(InvalidRecordException.class,
        () -> new RecordId(" Z1", "example.com", RecordType.TXT)).field());
  }
}
