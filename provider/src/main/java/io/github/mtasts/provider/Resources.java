package io.github.mtasts.provider;

import io.github.mtasts.provider.aws.AwsAccess;
import io.github.mtasts.provider.aws.AwsCertificateResource;
import io.github.mtasts.provider.aws.AwsCertificateValidationResource;
import io.github.mtasts.provider.aws.AwsPolicySiteResource;
import io.github.mtasts.provider.aws.Route53RecordService;
import io.github.mtasts.provider.cloudflare.CloudflareAccess;
import io.github.mtasts.provider.cloudflare.CloudflareRecordService;
import io.github.mtasts.provider.cloudflare.GetZoneFunction;
import io.github.mtasts.provider.cloudflare.PolicyWorkerResource;
import io.github.mtasts.provider.dns.RecordResource;
import io.github.mtasts.provider.github.GitHubAccess;
import io.github.mtasts.provider.github.PagesHttpsResource;
import io.github.mtasts.provider.github.PagesSiteResource;
import io.github.mtasts.provider.host.ResourceRegistry;
import io.github.mtasts.provider.index.CheckMxCoverageFunction;
import io.github.mtasts.provider.index.MtaStsComponent;
import io.github.mtasts.provider.index.PolicyResource;
import io.github.mtasts.provider.index.VerificationResource;

/** The resource types, functions and components of the {@code mtasts} package and their handlers. */
final class Resources {

  private Resources() {}

  /**
   * The registry of every resource type and function the plugin serves.
   *
   * @return the registry
   */
  static ResourceRegistry registry() {
    // One set of AWS clients for every AWS resource, built when the first needs it.
    AwsAccess aws = new AwsAccess();
    // One Cloudflare client per distinct settings, shared likewise.
    CloudflareAccess cloudflare = new CloudflareAccess();
    // One GitHub client per token and API URL for both GitHub resources, built when first needed.
    GitHubAccess github = new GitHubAccess();
    return ResourceRegistry.builder()
        .register(PolicyResource.TOKEN, PolicyResource::new)
        .register(VerificationResource.TOKEN, VerificationResource::new)
        .register(Route53RecordService.TOKEN, () -> new RecordResource(new Route53RecordService(aws)))
        .register(AwsCertificateResource.TOKEN, () -> new AwsCertificateResource(aws))
        .register(AwsCertificateValidationResource.TOKEN, () -> new AwsCertificateValidationResource(aws))
        .register(AwsPolicySiteResource.TOKEN, () -> new AwsPolicySiteResource(aws))
        .register(CloudflareRecordService.TOKEN, () -> new RecordResource(new CloudflareRecordService(cloudflare)))
        .register(PolicyWorkerResource.TOKEN, () -> new PolicyWorkerResource(cloudflare))
        .register(PagesSiteResource.TOKEN, () -> new PagesSiteResource(github))
        .register(PagesHttpsResource.TOKEN, () -> new PagesHttpsResource(github))
        .function(CheckMxCoverageFunction.TOKEN, CheckMxCoverageFunction::new)
        .function(GetZoneFunction.TOKEN, () -> new GetZoneFunction(cloudflare))
        .component(MtaStsComponent.TOKEN, MtaStsComponent::new)
        .build();
  }
}
