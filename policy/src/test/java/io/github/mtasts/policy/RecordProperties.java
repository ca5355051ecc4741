package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RecordProperties {
  @Provide
  Arbitrary<StsRecord> stsRecords() {
    return Combinators.combine(Generators.policyIdText(),
            Generators.txtExtension("id").list().ofMaxSize(3))
        .as((id, extensions) -> {
          StsRecord.Builder builder = StsRecord.builder().id(PolicyId.of(id));
          extensions.forEach(e -> builder.extension(e.get(0), e.get(1)));
          return builder.build();
        });
  }

  @Provide
  Arbitrary<TlsRptRecord> tlsRptRecords() {
    return Combinators.combine(Generators.reportUri().list().uniqueElements().ofMinSize(1)
                .ofMaxSize(4),
            Generators.txtExtension("rua").list().ofMaxSize(3))
        .as((rua, extensions) -> {
          TlsRptRecord.Builder builder = TlsRptRecord.builder().rua(rua);
          extensions.forEach(e -> builder.extension(e.get(0), e.get(1)));
          return builder.build();
        });
  }

  @Property
  void stsParseOfRenderIsIdentity(@ForAll("stsRecords") StsRecord record) {
    ParseResult<StsRecord> parsed = StsRecord.parse(record.render());
    assertTrue(parsed.isValid(), parsed::toString);
    assertEquals(record, parsed.orElseThrow());
    assertEquals(record.extensions(), parsed.orElseThrow().extensions());
    assertEquals(record, StsRecord.fromRrset(List.of("v=spf1 -all", record.render())).orElseThrow());
  }

  @Property
  void tlsRptParseOfRenderIsIdentity(@ForAll("tlsRptRecords") TlsRptRecord record) {
    ParseResult<TlsRptRecord> parsed = TlsRptRecord.parse(record.render());
    assertTrue(parsed.isValid(), parsed::toString);
    assertEquals(record, parsed.orElseThrow());
    assertEquals(record.rua(), parsed.orElseThrow().rua());
    assertEquals(record, TlsRptRecord.fromRrset(List.of(record.render(), "other")).orElseThrow());
  }
}
