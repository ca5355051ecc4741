package io.github.mtasts.provider.index;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.mtasts.provider.host.Component;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.sdk.MtaSts;
import io.github.mtasts.sdk.MtaStsArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mtasts:index:MtaSts} for every Pulumi language: {@code Construct} declares the Java
 * SDK's {@link MtaSts} component itself, so a YAML, TypeScript, Python, Go or C# program gets the
 * same children, in the same order, with the same dependencies and verifications as a Java
 * program. There is one implementation of the composition; this class only reads the inputs
 * ({@link MtaStsInputs}) and hands back the outputs the schema declares.
 */
public final class MtaStsComponent implements Component {

  /** The component's type token. */
  public static final String TOKEN = MtaSts.TYPE;

  @Override
  public Declaration check(String name, PropertyMap inputs) {
    MtaStsArgs args = MtaStsInputs.args(inputs);
    return options -> declare(name, args, options);
  }

  private static Constructed declare(String name, MtaStsArgs args, ComponentResourceOptions options) {
    MtaSts component = new MtaSts(name, args, options);
    Map<String, Output<?>> outputs = new LinkedHashMap<>();
    outputs.put("policyUrl", component.policyUrl());
    outputs.put("policyId", component.policyId());
    outputs.put("policyBody", component.policyBody());
    outputs.put("stsRecord", component.stsRecord());
    outputs.put("tlsRptRecord", component.tlsRptRecord());
    outputs.put("verification", component.verificationCounts());
    return new Constructed(component, outputs);
  }
}
