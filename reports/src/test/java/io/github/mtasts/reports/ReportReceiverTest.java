package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.BufferedSink;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS receiver against a real HTTP client (OkHttp) over TLS on loopback. */
class ReportReceiverTest {
  private static final MediaType GZIP = MediaType.get("application/tlsrpt+gzip");
  private static final MediaType JSON = MediaType.get("application/tlsrpt+json");
  private static final Limits LIMITS = Limits.DEFAULT.withMaxMessageBytes(256 * 1024);

  @TempDir Path dir;
  private ReportReceiver receiver;
  private OkHttpClient client;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0)
        .commonName("receiver test root").build();
    HeldCertificate server = new HeldCertificate.Builder().signedBy(ca)
        .addSubjectAlternativeName("localhost").build();
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Files.writeString(cert, server.certificatePem() + ca.certificatePem());
    Files.writeString(key, server.privateKeyPkcs8Pem());
    receiver = ReportReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        TlsFiles.server(cert, key), new ReportStore(dir.resolve("store")), LIMITS, log::add);
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(ca.certificate()).build();
    client = new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .build();
  }

  @AfterEach
  void stop() {
    receiver.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private String url() {
    return "https://localhost:" + receiver.address().getPort() + "/tlsrpt";
  }

  private record Answer(int status, String text) {}

  private Answer post(RequestBody body) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url()).post(body).build())
        .execute()) {
      return new Answer(response.code(), response.body().string());
    }
  }

  private static byte[] report(String id) {
    return Corpus.report("Google LLC", id, LocalDate.of(2024, 4, 1))
        .sts("example.com", List.of("mx.example.com"), 12, 0).bytes();
  }

  private List<Path> stored() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("store"))) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
  }

  @Test
  void aGzipReportIsStoredWith201AndItsReplayAnsweredWith200() throws IOException {
    byte[] body = Corpus.gzip(report("r-1"));
    Answer first = post(RequestBody.create(body, GZIP));
    assertEquals(201, first.status(), first.text());
    assertTrue(first.text().contains("stored report r-1 of Google LLC"), first.text());
    Answer replay = post(RequestBody.create(body, GZIP));
    assertEquals(200, replay.status(), replay.text());
    assertTrue(replay.text().startsWith("already stored"), replay.text());
    assertEquals(1, stored().size());
    assertEquals(2, log.size());
  }

  @Test
  void aJsonReportIsStoredAndTheStoreReadsBackAsReports() throws IOException {
    assertEquals(201, post(RequestBody.create(report("r-2"), JSON)).status());
    assertEquals(201, post(RequestBody.create(Corpus.gzip(report("r-3")), GZIP)).status());
    SummaryBuilder summary = new SummaryBuilder(java.util.Optional.empty(),
        java.util.Optional.empty());
    ReportLedger ledger = new ReportLedger(summary);
    new ReportSources(Limits.DEFAULT).read(dir.resolve("store"), ledger);
    assertEquals(2, ledger.reports());
    assertEquals(List.of(), ledger.rejections());
    assertEquals(24, summary.build().get(0).successfulSessions());
  }

  @Test
  void concurrentReplaysStoreTheReportOnce() throws Exception {
    byte[] body = Corpus.gzip(report("r-4"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> post(RequestBody.create(body, GZIP))));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Answer> answer : answers) {
        statuses.add(answer.get().status());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(15, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    } finally {
      pool.shutdown();
    }
    assertEquals(1, stored().size());
  }

  @Test
  void anOversizedBodyIsRefusedWith413WithOrWithoutALength() throws IOException {
    byte[] big = new byte[(int) LIMITS.maxMessageBytes() + 1];
    Answer declared = post(RequestBody.create(big, GZIP));
    assertEquals(413, declared.status(), declared.text());
    assertTrue(declared.text().contains("more than the 262144 accepted"), declared.text());
    Answer chunked = post(new RequestBody() {
      @Override
      public MediaType contentType() {
        return GZIP;
      }

      @Override
      public void writeTo(@NotNull BufferedSink sink) throws IOException {
        for (int i = 0; i < 6; i++) { // 384 KiB, never declared
          sink.write(new byte[64 * 1024]);
        }
      }
    });
    assertEquals(413, chunked.status(), chunked.text());
    assertEquals(List.of(), stored());
  }

  @Test
  void aGzipBombIsRefusedWith413() throws IOException {
    byte[] bomb = Corpus.gzip(" ".repeat(9 << 20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(bomb.length < LIMITS.maxMessageBytes());
    Answer answer = post(RequestBody.create(bomb, GZIP));
    assertEquals(413, answer.status(), answer.text());
    assertTrue(answer.text().contains("the decompressed report is larger"), answer.text());
  }

  @Test
  void anotherMediaTypeIsRefusedWith415AndAnotherMethodWith405() throws IOException {
    Answer json = post(RequestBody.create(report("r-5"), MediaType.get("application/json")));
    assertEquals(415, json.status());
    assertTrue(json.text().contains("send application/tlsrpt+gzip or application/tlsrpt+json"));
    try (Response get = client.newCall(new Request.Builder().url(url()).build()).execute()) {
      assertEquals(405, get.code());
      assertEquals("POST", get.header("Allow"));
    }
    assertEquals(List.of(), stored());
  }

  @Test
  void aBodyThatIsNoReportIsRefusedWith400NamingTheField() throws IOException {
    Answer notGzip = post(RequestBody.create(report("r-6"), GZIP));
    assertEquals(400, notGzip.status());
    assertTrue(notGzip.text().contains("not gzip data"), notGzip.text());
    Answer noId = post(RequestBody.create(new String(report("r-7"),
        java.nio.charset.StandardCharsets.UTF_8).replace("\"report-id\":\"r-7\",", ""), JSON));
    assertEquals(400, noId.status());
    assertTrue(noId.text().startsWith("report-id is missing"), noId.text());
    assertEquals(List.of(), stored());
  }
}
