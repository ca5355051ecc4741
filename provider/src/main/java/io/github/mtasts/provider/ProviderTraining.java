package io.github.mtasts.provider;

import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.ResourceProviderGrpc;

/**
 * A short run of the provider's usual calls against itself, so that a JVM started with
 * {@code -XX:ArchiveClassesAtExit} records every class a deployment loads in a class data
 * sharing archive. The launcher makes that archive once per build and starts the plugin with it
 * afterwards: loading the classes from the archive halves the time to the port line. Nothing
 * leaves the machine: the calls go to loopback, and the Verification is only checked.
 */
final class ProviderTraining {

  private static final String POLICY_URN = "urn:pulumi:training::mtasts::mtasts:index:Policy::p";
  private static final String VERIFICATION_URN = "urn:pulumi:training::mtasts::mtasts:index:Verification::v";
  private static final String RECORD_URN = "urn:pulumi:training::mtasts::mtasts:aws:Record::r";

  private ProviderTraining() {}

  /**
   * Makes the calls of a preview and an update of a Policy, checks a Verification, and previews
   * an AWS record (which builds no AWS client: a preview calls no AWS operation).
   *
   * @param server the started plugin server
   * @throws InterruptedException when interrupted while closing the channel
   */
  static void run(Server server) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    try {
      var provider = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.MINUTES);
      provider.getPluginInfo(Empty.getDefaultInstance());
      provider.getSchema(GetSchemaRequest.getDefaultInstance());
      Struct config = Struct.newBuilder().putFields("verifyResolver", text("system")).build();
      provider.checkConfig(CheckRequest.newBuilder().setNews(config).build());
      provider.configure(ConfigureRequest.newBuilder().setAcceptSecrets(true).setArgs(config).build());
      Struct policy = Struct.newBuilder()
          .putFields("mode", text("enforce"))
          .putFields("mx", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(text("mx1.example.com"))).build())
          .putFields("maxAge", Value.newBuilder().setNumberValue(604800).build())
          .build();
      Struct checked = provider.check(CheckRequest.newBuilder().setUrn(POLICY_URN).setNews(policy).build()).getInputs();
      Struct state = provider.create(CreateRequest.newBuilder().setUrn(POLICY_URN).setProperties(checked).build()).getProperties();
      provider.diff(DiffRequest.newBuilder().setUrn(POLICY_URN).setOldInputs(checked).setOlds(state).setNews(checked).build());
      Struct verification = Struct.newBuilder().putFields("domain", text("example.com")).build();
      Struct verificationInputs = provider.check(CheckRequest.newBuilder().setUrn(VERIFICATION_URN).setNews(verification).build())
          .getInputs();
      provider.create(CreateRequest.newBuilder().setUrn(VERIFICATION_URN).setPreview(true).setProperties(verificationInputs).build());
      Struct record = Struct.newBuilder()
          .putFields("zoneId", text("Z0123456789ABC"))
          .putFields("name", text("_mta-sts.example.com"))
          .putFields("type", text("TXT"))
          .putFields("values", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(text("v=STSv1; id=1"))).build())
          .build();
      Struct recordInputs = provider.check(CheckRequest.newBuilder().setUrn(RECORD_URN).setNews(record).build()).getInputs();
      provider.create(CreateRequest.newBuilder().setUrn(RECORD_URN).setPreview(true).setProperties(recordInputs).build());
    } finally {
      channel.shutdownNow();
      channel.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Value text(String text) {
    return Value.newBuilder().setStringValue(text).build();
  }
}
