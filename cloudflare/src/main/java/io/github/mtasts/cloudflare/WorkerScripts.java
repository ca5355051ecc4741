package io.github.mtasts.cloudflare;

import com.google.gson.JsonObject;
import io.github.mtasts.cloudflare.CloudflareHttp.Operation;
import io.github.mtasts.cloudflare.CloudflareHttp.Resend;
import io.github.mtasts.wait.Waiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.MultipartReader;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Uploads, reads and deletes Workers scripts of the settings' account. An upload replaces the
 * script of that name in place, so uploading the same script again changes nothing.
 */
public final class WorkerScripts {

  static final String PERMISSION = "Account / Workers Scripts / Edit";
  /**
   * The Content-Type of an ES module part (the upload operation's {@code encoding} lists
   * {@code application/javascript+module} among the part types).
   */
  private static final MediaType MODULE = MediaType.get("application/javascript+module");
  private static final MediaType JSON = MediaType.get("application/json");

  private final CloudflareHttp http;

  WorkerScripts(CloudflareHttp http) {
    this.http = http;
  }

  /**
   * Uploads a script, creating it or replacing its content (worker-script-upload-worker-module,
   * {@code PUT /accounts/{account_id}/workers/scripts/{script_name}}, multipart/form-data with a
   * {@code metadata} part naming the module in {@code main_module}, and the module's part).
   *
   * @param script the script
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @throws InvalidSpecException when the settings have no account id
   * @throws CloudflareException when the upload fails
   */
  public void upload(WorkerScript script, Waiter waiter) {
    Operation operation = new Operation("the upload of Worker " + script.name(), PERMISSION);
    String account = http.accountId(operation);
    JsonObject metadata = new JsonObject();
    metadata.addProperty("main_module", script.moduleName());
    metadata.addProperty("compatibility_date", script.compatibilityDate());
    MultipartBody form = new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart("metadata", null, RequestBody.create(metadata.toString(), JSON))
        .addFormDataPart(script.moduleName(), script.moduleName(),
            RequestBody.create(script.source().getBytes(StandardCharsets.UTF_8), MODULE))
        .build();
    http.send(operation, new Request.Builder()
        .url(http.url("accounts", account, "workers", "scripts", script.name()).build())
        .put(form), Resend.SAFE, waiter);
  }

  /**
   * Reads the source of a script's main module (worker-script-download-worker, "the original
   * script content, not JSON encoded"): a module Worker's content comes as a multipart form of
   * its modules, whose first part is taken; a plain body is taken whole.
   *
   * @param name the script name
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the source, or empty when there is no such script (HTTP 404)
   * @throws CloudflareException for other failures
   */
  public Optional<String> read(String name, Waiter waiter) {
    Operation operation = new Operation("the read of Worker " + name, PERMISSION);
    String account = http.accountId(operation);
    Optional<Reply> found = http.get(operation,
        http.url("accounts", account, "workers", "scripts", name).build(), waiter);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Reply reply = found.get();
    MediaType type = MediaType.parse(reply.contentType());
    if (type == null || !type.type().equals("multipart") || type.parameter("boundary") == null) {
      return Optional.of(new String(reply.body(), StandardCharsets.UTF_8));
    }
    try (MultipartReader reader = new MultipartReader(new Buffer().write(reply.body()),
        type.parameter("boundary"))) {
      MultipartReader.Part part = reader.nextPart();
      if (part == null) {
        throw new CloudflareException(operation.description() + " failed: the content has no"
            + " module", reply.status(), List.of(), null);
      }
      return Optional.of(part.body().readUtf8());
    } catch (IOException e) {
      throw new CloudflareException(operation.description() + " failed: the multipart content"
          + " cannot be read (" + e.getMessage() + ")", reply.status(), List.of(), e);
    }
  }

  /**
   * Deletes a script (worker-script-delete-worker); one that is already gone is deleted.
   *
   * @param name the script name
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @throws CloudflareException for failures other than a script already gone
   */
  public void delete(String name, Waiter waiter) {
    Operation operation = new Operation("the deletion of Worker " + name, PERMISSION);
    String account = http.accountId(operation);
    http.delete(operation, http.url("accounts", account, "workers", "scripts", name).build(), waiter);
  }
}
