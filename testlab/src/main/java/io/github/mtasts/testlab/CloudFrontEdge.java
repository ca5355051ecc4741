package io.github.mtasts.testlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An HTTPS server on loopback that serves, in place of CloudFront's edge network (moto emulates
 * CloudFront's API but serves no traffic), what a distribution in moto would serve: the request's
 * SNI name selects the enabled distribution with that alias, whose viewer certificate must be an
 * ISSUED ACM certificate covering the name; the object at the request path is read from the S3
 * origin bucket in moto, but only when the bucket policy lets exactly that distribution read it
 * (origin access control), as S3 would decide; the object's Content-Type and Cache-Control are
 * passed on.
 *
 * <p>The TLS certificate it presents comes from a test CA, since ACM's private keys never leave
 * AWS: it names every host given at start.
 */
public final class CloudFrontEdge implements AutoCloseable {
  private static final String S3_ORIGIN = ".s3.";

  private final MockWebServer server = new MockWebServer();
  private final CloudFrontClient cloudFront;
  private final AcmClient acm;
  private final S3Client s3;
  private final EdgeLog log = new EdgeLog();
  private volatile BiConsumer<String, String> onServe = (host, body) -> { };

  private CloudFrontEdge(CloudFrontClient cloudFront, AcmClient acm, S3Client s3) {
    this.cloudFront = cloudFront;
    this.acm = acm;
    this.s3 = s3;
  }

  /**
   * Starts the edge.
   *
   * @param bind the loopback address to listen on
   * @param port the port, shared by every host as 443 is on the internet
   * @param tls the server TLS context, its certificate naming every policy host
   * @param cloudFront a client of moto's CloudFront
   * @param acm a client of moto's ACM (us-east-1)
   * @param s3 a client of moto's S3
   * @return the running edge
   * @throws IOException when the port cannot be bound
   */
  public static CloudFrontEdge start(InetAddress bind, int port, SSLContext tls,
      CloudFrontClient cloudFront, AcmClient acm, S3Client s3) throws IOException {
    CloudFrontEdge edge = new CloudFrontEdge(cloudFront, acm, s3);
    edge.server.useHttps(tls.getSocketFactory());
    edge.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return edge.serve(request);
      }
    });
    edge.server.start(bind, port);
    return edge;
  }

  /**
   * Sets what runs each time a body is served, before the response leaves: the test records what
   * DNS announced at that moment.
   *
   * @param observer receives the host and the body
   */
  public void onServe(BiConsumer<String, String> observer) {
    this.onServe = observer;
  }

  /**
   * Returns every answer so far.
   *
   * @return the answers in order
   */
  public List<EdgeAnswer> served() {
    return log.answers();
  }

  /**
   * Returns why requests were refused: an answer a correctly deployed site never gives.
   *
   * @return one sentence per refusal
   */
  public List<String> refusals() {
    return log.refusals();
  }

  private MockResponse serve(RecordedRequest request) {
    Optional<MockResponse> misdirected = log.misdirected(request);
    if (misdirected.isPresent()) {
      return misdirected.get();
    }
    String host = EdgeLog.host(request);
    String path = request.getUrl().encodedPath();
    Optional<DistributionSummary> distribution = cloudFront.listDistributionsPaginator(b -> { })
        .stream().flatMap(page -> page.distributionList().items().stream())
        .filter(d -> Boolean.TRUE.equals(d.enabled()))
        .filter(d -> d.aliases() != null && d.aliases().items().stream()
            .anyMatch(alias -> alias.equalsIgnoreCase(host)))
        .findFirst();
    if (distribution.isEmpty()) {
      return log.refuse(host, path, 403, "no enabled distribution has the alias " + host);
    }
    String certificateArn = distribution.get().viewerCertificate().acmCertificateArn();
    CertificateDetail certificate =
        acm.describeCertificate(b -> b.certificateArn(certificateArn)).certificate();
    if (!"ISSUED".equals(certificate.statusAsString())
        || !(certificate.domainName().equalsIgnoreCase(host)
            || certificate.subjectAlternativeNames().contains(host))) {
      return log.refuse(host, path, 502, "the viewer certificate " + certificateArn + " is "
          + certificate.statusAsString() + " for " + certificate.domainName());
    }
    Origin origin = distribution.get().origins().items().get(0);
    if (!origin.domainName().contains(S3_ORIGIN)) {
      return log.refuse(host, path, 502, "origin " + origin.domainName() + " is not an S3 bucket");
    }
    String bucket = origin.domainName().substring(0, origin.domainName().indexOf(S3_ORIGIN));
    if (!bucketPolicyAdmits(bucket, distribution.get().arn())) {
      return log.refuse(host, path, 403, "the policy of bucket " + bucket
          + " does not let distribution " + distribution.get().arn() + " read objects");
    }
    ResponseBytes<GetObjectResponse> object;
    try {
      object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(path.substring(1)));
    } catch (NoSuchKeyException e) {
      return log.refuse(host, path, 404, "no object " + path + " in bucket " + bucket);
    }
    String body = object.asString(StandardCharsets.UTF_8);
    onServe.accept(host, body);
    log.served(host, path, 200, body);
    MockResponse.Builder response = new MockResponse.Builder().code(200).body(body)
        .addHeader("Content-Type", object.response().contentType());
    if (object.response().cacheControl() != null) {
      response.addHeader("Cache-Control", object.response().cacheControl());
    }
    return response.build();
  }

  /**
   * Whether the bucket policy grants {@code s3:GetObject} to the CloudFront service principal on
   * the condition that the request comes from this distribution: what origin access control needs.
   */
  private boolean bucketPolicyAdmits(String bucket, String distributionArn) {
    String policy;
    try {
      policy = s3.getBucketPolicy(b -> b.bucket(bucket)).policy();
    } catch (S3Exception e) {
      return false;
    }
    for (JsonElement element : asArray(JsonParser.parseString(policy).getAsJsonObject()
        .get("Statement"))) {
      JsonObject statement = element.getAsJsonObject();
      JsonObject principal = statement.getAsJsonObject("Principal");
      boolean allows = "Allow".equals(statement.get("Effect").getAsString())
          && principal != null && principal.has("Service")
          && asArray(principal.get("Service")).contains(
              JsonParser.parseString("\"cloudfront.amazonaws.com\""))
          && asArray(statement.get("Action")).contains(JsonParser.parseString("\"s3:GetObject\""));
      JsonObject condition = statement.getAsJsonObject("Condition");
      if (allows && condition != null && condition.has("StringEquals")) {
        JsonElement source = condition.getAsJsonObject("StringEquals").get("AWS:SourceArn");
        if (source != null && asArray(source).contains(
            JsonParser.parseString("\"" + distributionArn + "\""))) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonArray asArray(JsonElement element) {
    if (element == null) {
      return new JsonArray();
    }
    if (element.isJsonArray()) {
      return element.getAsJsonArray();
    }
    JsonArray single = new JsonArray();
    single.add(element);
    return single;
  }

  @Override
  public void close() {
    server.close();
  }
}
