package io.github.mtasts.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.aws.PolicySiteSpec;
import io.github.mtasts.provider.aws.AwsCertificateResource;
import io.github.mtasts.provider.aws.AwsCertificateValidationResource;
import io.github.mtasts.provider.aws.AwsPolicySiteResource;
import io.github.mtasts.provider.aws.CertificateInputs;
import io.github.mtasts.provider.aws.CertificateValidationInputs;
import io.github.mtasts.provider.aws.PolicySiteInputs;
import io.github.mtasts.provider.aws.Route53RecordService;
import io.github.mtasts.provider.cloudflare.CloudflareRecordInputs;
import io.github.mtasts.provider.cloudflare.CloudflareRecordService;
import io.github.mtasts.provider.cloudflare.GetZoneFunction;
import io.github.mtasts.provider.cloudflare.PolicyWorkerInputs;
import io.github.mtasts.provider.cloudflare.PolicyWorkerResource;
import io.github.mtasts.provider.cloudflare.ZoneArgs;
import io.github.mtasts.provider.dns.RecordInputs;
import io.github.mtasts.provider.github.PagesHttpsInputs;
import io.github.mtasts.provider.github.PagesHttpsResource;
import io.github.mtasts.provider.github.PagesSiteInputs;
import io.github.mtasts.provider.github.PagesSiteResource;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.ConfigKey;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertySchema;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.RecordingLog;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceRegistry;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.provider.index.CheckMxCoverageFunction;
import io.github.mtasts.provider.index.MxCoverageArgs;
import io.github.mtasts.provider.index.PolicyInputs;
import io.github.mtasts.provider.index.PolicyResource;
import io.github.mtasts.provider.index.VerificationInputs;
import io.github.mtasts.provider.index.VerificationResource;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schema against the code that serves it: every setting, input and output the handlers
 * use is declared, each input record stands for exactly the inputs of its resource, and
 * everything has a description.
 */
class SchemaTest {

  private static final JsonObject SCHEMA = JsonParser.parseString(Schema.json("1.2.3")).getAsJsonObject();

  /** The input record of each resource and function. */
  private static final Map<String, Class<? extends Record>> INPUT_RECORDS = Map.ofEntries(
      Map.entry(PolicyResource.TOKEN, PolicyInputs.class),
      Map.entry(VerificationResource.TOKEN, VerificationInputs.class),
      Map.entry(Route53RecordService.TOKEN, RecordInputs.class),
      Map.entry(AwsCertificateResource.TOKEN, CertificateInputs.class),
      Map.entry(AwsCertificateValidationResource.TOKEN, CertificateValidationInputs.class),
      Map.entry(AwsPolicySiteResource.TOKEN, PolicySiteInputs.class),
      Map.entry(CloudflareRecordService.TOKEN, CloudflareRecordInputs.class),
      Map.entry(PolicyWorkerResource.TOKEN, PolicyWorkerInputs.class),
      Map.entry(PagesSiteResource.TOKEN, PagesSiteInputs.class),
      Map.entry(PagesHttpsResource.TOKEN, PagesHttpsInputs.class),
      Map.entry(CheckMxCoverageFunction.TOKEN, MxCoverageArgs.class),
      Map.entry(GetZoneFunction.TOKEN, ZoneArgs.class));

  private static JsonObject resource(String token) {
    return SCHEMA.getAsJsonObject("resources").getAsJsonObject(token);
  }

  private static Set<String> keys(JsonObject object) {
    return object.keySet();
  }

  @Test
  void namesThePackageAndVersion() {
    assertEquals("mtasts", SCHEMA.get("name").getAsString());
    assertEquals("1.2.3", SCHEMA.get("version").getAsString());
    ResourceRegistry registry = Resources.registry();
    Set<String> served = new HashSet<>(registry.tokens());
    served.addAll(registry.componentTokens());
    assertEquals(served, keys(SCHEMA.getAsJsonObject("resources")));
    assertEquals(registry.functionTokens(), keys(SCHEMA.getAsJsonObject("functions")));
  }

  @Test
  void carriesThePackageIdentityForEveryLanguageAndTheBuildsDownloadUrl() {
    assertEquals("https://github.com/mtasts/pulumi-mtasts", SCHEMA.get("repository").getAsString());
    assertEquals("mtasts", SCHEMA.get("publisher").getAsString());
    assertEquals("https://", SCHEMA.get("logoUrl").getAsString().substring(0, 8));
    JsonObject language = SCHEMA.getAsJsonObject("language");
    assertEquals(Set.of("csharp", "go", "java", "nodejs", "python"), keys(language));
    assertEquals("@mtasts/pulumi-mtasts", language.getAsJsonObject("nodejs").get("packageName").getAsString());
    assertEquals("pulumi_mtasts", language.getAsJsonObject("python").get("packageName").getAsString());
    assertEquals("github.com/mtasts/pulumi-mtasts/sdks/go/mtasts",
        language.getAsJsonObject("go").get("importBasePath").getAsString());
    for (String generated : List.of("csharp", "go", "nodejs", "python")) {
      assertEquals(true, language.getAsJsonObject(generated).get("respectSchemaVersion").getAsBoolean(), generated);
    }
    // The build passes its mtasts.pluginDownloadURL to the tests as well; empty means none.
    String expected = System.getProperty("mtasts.pluginDownloadURL", "");
    assertEquals(expected, Schema.pluginDownloadUrl());
    assertEquals(expected.isEmpty() ? null : expected,
        SCHEMA.has("pluginDownloadURL") ? SCHEMA.get("pluginDownloadURL").getAsString() : null);
  }

  @Test
  void everySettingTheSchemaDeclaresIsReadByCode() {
    JsonObject variables = SCHEMA.getAsJsonObject("config").getAsJsonObject("variables");
    assertEquals(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.toSet()), keys(variables));
    assertEquals(variables, SCHEMA.getAsJsonObject("provider").getAsJsonObject("inputProperties"));
  }

  @Test
  void eachInputRecordStandsForTheSchemasInputsOfItsResource() {
    ResourceRegistry registry = Resources.registry();
    Set<String> tokens = new HashSet<>(registry.tokens());
    tokens.addAll(registry.functionTokens());
    assertEquals(tokens, INPUT_RECORDS.keySet(), "one input record per resource and function");
    INPUT_RECORDS.forEach((token, record) -> {
      InputSchema inputs = registry.tokens().contains(token)
          ? Schema.model().resource(token)
          : Schema.model().function(token);
      assertEquals(Set.copyOf(inputs.names()), Set.copyOf(InputRecord.names(record)), record.getSimpleName() + " vs. " + token);
      for (RecordComponent component : record.getRecordComponents()) {
        PropertySchema property = inputs.property(component.getName()).orElseThrow();
        Type type = component.getType() == Optional.class
            ? ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0]
            : component.getGenericType();
        String where = record.getSimpleName() + "." + component.getName();
        assertEquals(property.type(), schemaType(type), where);
        if (property.isEnum()) {
          assertTrue(type instanceof Class<?> c && c.isEnum(), where + " is an enum in the schema");
          assertEquals(property.enumValues().stream().map(v -> v.toUpperCase(Locale.ROOT).replace('-', '_')).collect(Collectors.toSet()),
              Arrays.stream(((Class<?>) type).getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet()), where);
        }
      }
    });
  }

  /** The schema type a component type decodes. */
  private static PropertySchema.Type schemaType(Type type) {
    if (type == String.class || type instanceof Class<?> c && c.isEnum()) {
      return PropertySchema.Type.STRING;
    }
    if (type == long.class || type == int.class || type == Long.class || type == Integer.class || type == Duration.class) {
      return PropertySchema.Type.INTEGER;
    }
    if (type == boolean.class || type == Boolean.class) {
      return PropertySchema.Type.BOOLEAN;
    }
    if (type == PropertyValue.class) {
      return PropertySchema.Type.ANY;
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      return PropertySchema.Type.ARRAY;
    }
    throw new AssertionError("an input record holds a " + type.getTypeName());
  }

  @Test
  void derivedOutputsNameSchemaOutputsAndInputs() {
    ResourceRegistry registry = Resources.registry();
    for (String token : registry.tokens()) {
      ResourceHandler handler = registry.handler(token).orElseThrow();
      Set<String> outputs = keys(resource(token).getAsJsonObject("properties"));
      handler.derivations().forEach((output, from) -> {
        assertTrue(outputs.contains(output), token + " derives " + output + ", which the schema does not declare");
        assertTrue(handler.schema().names().containsAll(from), token + " derives " + output + " from " + from);
      });
    }
  }

  @Test
  void theAwsModulesCacheControlIsTheSchemasDefault() {
    // A site read back without the header takes the module's default, which must be the schema's.
    assertEquals(Optional.of(PropertyValue.of(PolicySiteSpec.DEFAULT_CACHE_CONTROL)),
        Schema.model().resource(AwsPolicySiteResource.TOKEN).property("cacheControl").orElseThrow().defaultValue());
  }

  @Test
  void cloudOutputsMatchWhatTheHandlersPreview() {
    // A preview computes every output, unknown where the cloud decides it: the keys are the outputs.
    OperationContext preview = new RecordingLog().context("urn:pulumi:d::p::t::n", true);
    ResourceRegistry registry = Resources.registry();
    Map<String, PropertyMap> inputs = Map.of(
        Route53RecordService.TOKEN, PropertyMap.builder().put("zoneId", "Z1").put("name", "_mta-sts.example.com")
            .put("type", "TXT").put("values", PropertyValue.ofTexts(List.of("v=STSv1; id=1"))).build(),
        AwsCertificateResource.TOKEN, PropertyMap.builder().put("domain", "mta-sts.example.com").build(),
        AwsCertificateValidationResource.TOKEN, PropertyMap.builder()
            .put("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/c1")
            .put("validationRecordFqdns", PropertyValue.ofTexts(List.of("_x.mta-sts.example.com"))).build(),
        AwsPolicySiteResource.TOKEN, PropertyMap.builder().put("domain", "example.com")
            .put("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/c1")
            .put("policy", "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n").build(),
        PagesSiteResource.TOKEN, PropertyMap.builder().put("owner", "octo").put("repository", "mta-sts")
            .put("domain", "example.com").put("policy", "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n").build(),
        PagesHttpsResource.TOKEN, PropertyMap.builder().put("repository", "octo/mta-sts").put("domain", "example.com")
            .put("policyHostFqdn", "mta-sts.example.com").build(),
        CloudflareRecordService.TOKEN, PropertyMap.builder().put("zoneId", "023e105f4ecef8ad9ca31a8372d0c353")
            .put("name", "_mta-sts.example.com").put("type", "TXT")
            .put("values", PropertyValue.ofTexts(List.of("v=STSv1; id=1"))).build(),
        PolicyWorkerResource.TOKEN, PropertyMap.builder().put("zoneId", "023e105f4ecef8ad9ca31a8372d0c353")
            .put("domain", "example.com").put("policy", "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n").build());
    inputs.keySet().forEach(token -> {
      ResourceHandler handler = registry.handler(token).orElseThrow();
      CheckResult checked = handler.check(PropertyMap.empty(), inputs.get(token));
      assertEquals(List.of(), checked.failures(), token);
      PropertyMap outputs = handler.create(preview, checked.inputs()).outputs();
      assertEquals(keys(resource(token).getAsJsonObject("properties")), outputs.keys(), token);
    });
  }

  @Test
  void everythingIsDescribed() {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed("", SCHEMA, undescribed);
    assertEquals(List.of(), undescribed);
  }

  /** Every object that declares a type or a $ref, and every resource and type, needs a description. */
  private static void collectUndescribed(String path, JsonObject object, List<String> into) {
    // A "type" that is an object is a property named type, not a declaration.
    boolean declaresSomething = (object.has("type") && object.get("type").isJsonPrimitive()) || object.has("$ref")
        || object.has("inputProperties");
    boolean isItems = path.endsWith(".items");
    if (declaresSomething && !isItems && !(object.has("description") && !object.get("description").getAsString().isBlank())) {
      into.add(path);
    }
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      if (entry.getValue().isJsonObject()) {
        collectUndescribed(path + "." + entry.getKey(), entry.getValue().getAsJsonObject(), into);
      }
    }
  }
}
