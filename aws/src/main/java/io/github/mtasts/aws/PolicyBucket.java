package io.github.mtasts.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mtasts.wait.Progress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The S3 half of a policy site: a private bucket that holds only the policy object, readable
 * by one CloudFront distribution.
 */
final class PolicyBucket {

  /** The policy object's contents and headers as stored. */
  record StoredPolicy(String body, String contentType, String cacheControl) {}

  private final S3Client s3;
  private final Region region;

  PolicyBucket(S3Client s3, Region region) {
    this.s3 = s3;
    this.region = region;
  }

  /** Returns the bucket's REST endpoint host in its region, CloudFront's origin domain. */
  String originDomain(String bucket) {
    return bucket + ".s3." + region.id() + ".amazonaws.com";
  }

  /**
   * Creates the bucket, or adopts it when it is already this account's and holds nothing but
   * the policy object (an earlier attempt of the same site created it).
   *
   * <p>The bucket is looked up first because S3 in us-east-1 answers a create of a bucket the
   * account already owns with success, which would hide that it existed.
   *
   * @throws ResourceConflictException when another account owns the name, or the bucket holds
   *     other objects
   */
  void ensure(String bucket, Progress progress) {
    if (exists(bucket)) {
      checkHoldsOnlyPolicy(bucket);
      progress.report("adopting existing S3 bucket " + bucket);
      return;
    }
    try {
      s3.createBucket(r -> {
        r.bucket(bucket);
        // us-east-1 is S3's default location and must not be named in the request.
        if (!Region.US_EAST_1.equals(region)) {
          r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
        }
      });
      progress.report("created S3 bucket " + bucket + " in " + region.id());
    } catch (BucketAlreadyOwnedByYouException e) {
      // Created between the lookup and the create, by a concurrent attempt of this account.
      checkHoldsOnlyPolicy(bucket);
    } catch (BucketAlreadyExistsException e) {
      throw takenByAnotherAccount(bucket, e);
    } catch (SdkException e) {
      throw AwsErrors.failure("create S3 bucket " + bucket, e);
    }
  }

  private static ResourceConflictException takenByAnotherAccount(String bucket, SdkException e) {
    return new ResourceConflictException("S3 bucket name " + bucket + " is taken by another AWS"
        + " account (bucket names are global): choose another bucketName", AwsErrors.code(e), e);
  }

  private void checkHoldsOnlyPolicy(String bucket) {
    try {
      for (S3Object object : s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(2)).contents()) {
        if (!PolicySiteSpec.OBJECT_KEY.equals(object.key())) {
          throw new ResourceConflictException("S3 bucket " + bucket + " exists in this account"
              + " and holds other objects (e.g. " + object.key() + "), so it is not a policy"
              + " bucket: choose another bucketName", null, null);
        }
      }
    } catch (SdkException e) {
      throw AwsErrors.failure("list S3 bucket " + bucket, e);
    }
  }

  /** Blocks all public access, enforces bucket-owner ownership (no ACLs) and SSE-S3. */
  void secure(String bucket) {
    try {
      s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
          .blockPublicAcls(true).ignorePublicAcls(true)
          .blockPublicPolicy(true).restrictPublicBuckets(true)));
      s3.putBucketOwnershipControls(r -> r.bucket(bucket).ownershipControls(c -> c
          .rules(rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
      s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c
          .rules(rule -> rule.applyServerSideEncryptionByDefault(
              d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    } catch (SdkException e) {
      throw AwsErrors.failure("secure S3 bucket " + bucket, e);
    }
  }

  /** Uploads the policy object with its content type and cache control. */
  void upload(String bucket, String body, String cacheControl) {
    try {
      s3.putObject(r -> r.bucket(bucket).key(PolicySiteSpec.OBJECT_KEY)
              .contentType(PolicySiteSpec.CONTENT_TYPE)
              .cacheControl(cacheControl),
          RequestBody.fromString(body, StandardCharsets.UTF_8));
    } catch (SdkException e) {
      throw AwsErrors.failure("upload " + PolicySiteSpec.OBJECT_KEY + " to S3 bucket " + bucket, e);
    }
  }

  /**
   * Sets the bucket policy that lets CloudFront read objects only on behalf of this
   * distribution (the OAC setup: service principal plus a condition on the source ARN).
   */
  void allowDistribution(String bucket, String distributionArn) {
    try {
      s3.putBucketPolicy(r -> r.bucket(bucket).policy(policyDocument(bucket, distributionArn)));
    } catch (SdkException e) {
      throw AwsErrors.failure("set the policy of S3 bucket " + bucket, e);
    }
  }

  static String policyDocument(String bucket, String distributionArn) {
    String partition = distributionArn.split(":", 3)[1];
    JsonObject condition = new JsonObject();
    JsonObject equals = new JsonObject();
    equals.addProperty("AWS:SourceArn", distributionArn);
    condition.add("StringEquals", equals);
    JsonObject principal = new JsonObject();
    principal.addProperty("Service", "cloudfront.amazonaws.com");
    JsonObject statement = new JsonObject();
    statement.addProperty("Sid", "AllowCloudFrontDistributionReadOnly");
    statement.addProperty("Effect", "Allow");
    statement.add("Principal", principal);
    statement.addProperty("Action", "s3:GetObject");
    statement.addProperty("Resource", "arn:" + partition + ":s3:::" + bucket + "/*");
    statement.add("Condition", condition);
    JsonArray statements = new JsonArray();
    statements.add(statement);
    JsonObject document = new JsonObject();
    document.addProperty("Version", "2012-10-17");
    document.add("Statement", statements);
    return document.toString();
  }

  /**
   * Returns whether the bucket exists in this account.
   *
   * @throws ResourceConflictException when it exists but S3 denies access: another account's
   */
  boolean exists(String bucket) {
    try {
      s3.headBucket(r -> r.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      if (e.statusCode() == 403) {
        throw takenByAnotherAccount(bucket, e);
      }
      throw AwsErrors.failure("read S3 bucket " + bucket, e);
    } catch (SdkException e) {
      throw AwsErrors.failure("read S3 bucket " + bucket, e);
    }
  }

  /** Reads the policy object, if it exists. */
  Optional<StoredPolicy> read(String bucket) {
    try {
      ResponseBytes<GetObjectResponse> object =
          s3.getObjectAsBytes(r -> r.bucket(bucket).key(PolicySiteSpec.OBJECT_KEY));
      return Optional.of(new StoredPolicy(object.asUtf8String(), object.response().contentType(),
          object.response().cacheControl()));
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.failure("read " + PolicySiteSpec.OBJECT_KEY + " in S3 bucket " + bucket, e);
    }
  }

  /**
   * Deletes the policy object, then the bucket. A bucket that is already gone is fine.
   *
   * @throws ResourceConflictException when the bucket holds other objects
   */
  void delete(String bucket, Progress progress) {
    try {
      s3.deleteObject(r -> r.bucket(bucket).key(PolicySiteSpec.OBJECT_KEY));
      s3.deleteBucket(r -> r.bucket(bucket));
      progress.report("deleted S3 bucket " + bucket);
    } catch (NoSuchBucketException e) {
      progress.report("S3 bucket " + bucket + " is already gone");
    } catch (SdkException e) {
      if (AwsErrors.hasCode(e, "BucketNotEmpty")) {
        throw new ResourceConflictException("S3 bucket " + bucket + " holds objects that mtasts"
            + " did not put there, so it was not deleted: remove them, then run again",
            AwsErrors.code(e), e);
      }
      throw AwsErrors.failure("delete S3 bucket " + bucket, e);
    }
  }
}
