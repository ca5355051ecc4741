/**
 * Cloud operations on Cloudflare for publishing MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): DNS
 * records in a Cloudflare zone, and a Worker that serves the policy at {@code
 * https://mta-sts.DOMAIN/.well-known/mta-sts.txt}. Our own small client of Cloudflare's v4 API
 * over OkHttp, for exactly the endpoints used; it knows nothing of Pulumi.
 *
 * <h2>What MTA-STS needs from Cloudflare</h2>
 *
 * <ul>
 *   <li>{@link io.github.mtasts.cloudflare.DnsRecords} writes the {@code _mta-sts} and {@code
 *       _smtp._tls} TXT records (and a CNAME when the policy is hosted elsewhere), marked with a
 *       comment (and tags on paid plans) so that a record this program wrote is recognisable.
 *       Create never overwrites and never makes a second record.
 *   <li>{@link io.github.mtasts.cloudflare.PolicyWorkerScript} renders the Worker that answers
 *       the policy fetch for one or many domains; {@link io.github.mtasts.cloudflare.WorkerScripts}
 *       uploads it and {@link io.github.mtasts.cloudflare.CustomDomains} attaches {@code
 *       mta-sts.DOMAIN} to it, for which Cloudflare makes the DNS record and the certificate.
 *   <li>{@link io.github.mtasts.cloudflare.Zones} turns a zone name into its id.
 *   <li>{@link io.github.mtasts.cloudflare.PolicyWorkers} keeps each mail domain's policy host in
 *       a script that many domains share: one domain's body changed by a read-modify-write of
 *       the script, one at a time per script, and its host name attached or detached.
 *   <li>{@link io.github.mtasts.cloudflare.CloudflareRecordStore} is the record store of the
 *       provider's record resource: a record set is the Cloudflare records of one name and type.
 * </ul>
 *
 * <p>Every call takes the {@link io.github.mtasts.wait.Waiter} of the operation it belongs to
 * (the shared {@code wait} module): one deadline covers all the calls, retries and waits of an
 * operation, and the waiter's progress hears of each retry. A wait that is cancelled (its thread
 * interrupted) ends with {@link io.github.mtasts.wait.WaitCancelledException}; every other
 * failure is a {@link io.github.mtasts.cloudflare.CloudflareException} whose subclass says what
 * a caller must do and whose message says what the user must do. The API token ({@link
 * io.github.mtasts.cloudflare.CloudflareSettings}) is in no message, no {@code
 * toString()} and nothing returned.
 *
 * <h2>What the code relies on, and where Cloudflare says so</h2>
 *
 * <p>"The description" is Cloudflare's OpenAPI description of the v4 API (repository {@code
 * cloudflare/api-schemas}: {@code openapi.json}, and {@code common.yaml} for the shared
 * schemas); operations are named by their {@code operationId}. "Docs" are pages of Cloudflare's
 * developer documentation, named by title. Where neither documents a detail (an error code),
 * the source is Cloudflare's answer as quoted in public issue threads, and the code does not
 * depend on more than that code.
 *
 * <ul>
 *   <li><b>Authentication.</b> The {@code api_token} security scheme: {@code Authorization:
 *       Bearer TOKEN} (the description's {@code securitySchemes}; docs "Get started"). No other
 *       scheme is used.
 *   <li><b>Envelope.</b> Every answer has {@code success}, {@code errors} and {@code messages};
 *       an error has an integer {@code code} (at least 1000) and a {@code message}; a failure
 *       has {@code result: null}; the payload is {@code result} (common.yaml {@code
 *       api-response-common}, {@code api-response-common-failure}, schema {@code messages}).
 *       Header errors carry an {@code error_chain} of the same shape (answers quoted in issue
 *       threads: 6003 "Invalid request headers" with 6111 "Invalid format for Authorization
 *       header"), which the messages include.
 *   <li><b>Pagination.</b> Lists take {@code page} (from 1) and {@code per_page} and answer
 *       {@code result_info} with {@code page}, {@code per_page}, {@code count}, {@code
 *       total_count} and {@code total_pages} (common.yaml {@code api-response-collection}). DNS
 *       records: {@code per_page} defaults to 100 (dns-records-for-a-zone-list-dns-records);
 *       zones: 5 to 50, default 20 (zones-get). The client reads pages until {@code
 *       total_pages}, or until a short page when {@code result_info} lacks it.
 *   <li><b>Zones.</b> zones-get ({@code GET /zones}) with the {@code name} filter, whose default
 *       operator is {@code equal}, and {@code account.id}; zones-0-get ({@code GET
 *       /zones/{zone_id}}). A zone id the token cannot reach answers 7003 ("Could not route to
 *       ..., perhaps your object identifier is invalid?", the failure example of common.yaml) or
 *       403 with 9109 ("Unauthorized to access requested resource"): both are "not found or not
 *       visible to the token".
 *   <li><b>DNS record filters.</b> dns-records-for-a-zone-list-dns-records: {@code name} (the
 *       full name, in Punycode) and {@code type} are exact filters combined with {@code
 *       match=all} (the default).
 *   <li><b>DNS record fields.</b> {@code type}, {@code name}, {@code content}, {@code ttl} ("1
 *       means automatic"; otherwise 60 to 86400, 30 for Enterprise zones), {@code proxied} (A,
 *       AAAA and CNAME only), {@code comment} and {@code tags} (schemas {@code
 *       dns-records_TXTRecord}, {@code dns-records_CNAMERecord}, {@code dns-records_ttl}, {@code
 *       dns-records_comment}, {@code dns-records_tags}). Create is dns-records-for-a-zone-create-dns-record
 *       ({@code POST}), read dns-records-for-a-zone-dns-record-details, update
 *       dns-records-for-a-zone-patch-dns-record ({@code PATCH} changes only the fields sent),
 *       delete dns-records-for-a-zone-delete-dns-record. The operations' notes: "A/AAAA records
 *       cannot exist on the same name as CNAME records".
 *   <li><b>Several records per name.</b> Cloudflare keeps several records of one name and type;
 *       it refuses only an identical one (name, type and content: 81057 "Record already exists."
 *       or 81058 "An identical record already exists.") and a CNAME beside an A, AAAA or CNAME
 *       (81053), as quoted in issue threads. So create lists the name first: two {@code v=STSv1}
 *       records would make senders ignore both (RFC 8461 §3.1).
 *   <li><b>TXT content.</b> The API reference of {@code TXTRecord.content}: "The content must
 *       consist of quoted 'character strings' (RFC 1035), each with a length of up to 255
 *       bytes. Strings exceeding this allowed maximum length are automatically split." The
 *       client sends quoted strings of at most 255 octets with RFC 1035 §5.1 escapes and reads
 *       quoted or unquoted content back ({@code TxtContent}). No limit of the whole content is
 *       relied on: MTA-STS and TLS-RPT records are short.
 *   <li><b>Comments and tags.</b> Docs "Record attributes": comments have no line breaks, tags
 *       are {@code name:value} with names of letters, digits, '-' and '_'. Docs "Plans" (DNS
 *       record comments, DNS record tags): a comment holds 100 characters on the Free plan (500
 *       on paid plans); tags exist on paid plans only (names up to 32 characters, values up to
 *       100, 20 tags per record). Hence the default mark is a comment, and tags are added only
 *       when the settings name some.
 *   <li><b>Worker upload.</b> worker-script-upload-worker-module ({@code PUT
 *       /accounts/{account_id}/workers/scripts/{script_name}}, {@code script_name} matching
 *       {@code ^[a-z0-9_][a-z0-9-_]*$}): multipart/form-data with a part {@code metadata}, JSON
 *       whose {@code main_module} names the part holding the entry module (which makes it a
 *       module Worker) and whose {@code compatibility_date} pins the runtime's behaviour, and
 *       one part per module of type {@code application/javascript+module} (docs "Multipart
 *       upload metadata"). A PUT replaces the script in place. Error codes of the operation's
 *       {@code x-cfLinkErrors}: 10007 "Resource not found", 10021 content failed validation.
 *   <li><b>Worker read and delete.</b> worker-script-download-worker ("the original script
 *       content, not JSON encoded"): a module Worker's content may come as a multipart form of
 *       its modules, whose first part is taken, or as the module itself; worker-script-delete-worker,
 *       HTTP 404 when there is no such script.
 *   <li><b>Custom domains.</b> worker-domain-attach-to-domain ({@code PUT
 *       /accounts/{account_id}/workers/domains} with {@code zone_id}, {@code hostname}, {@code
 *       service} and {@code environment}), worker-domain-list-domains (exact filters {@code
 *       hostname}, {@code service}, one page), worker-domain-detach-from-domain (a successful
 *       answer without body). Docs "Custom Domains": Cloudflare creates the DNS record and the
 *       certificate of the host name. A host name held by another Worker is refused with HTTP
 *       409 and 100116 ("already in use by other custom domain ... use the option
 *       'override_existing_origin' to override", which this client never uses), a host name with
 *       DNS records of its own with 100117 ("already has externally managed DNS records"), as
 *       quoted in issue threads.
 *   <li><b>One script, many domains.</b> A script upload replaces the whole script and offers
 *       no condition on what it replaces (worker-script-upload-worker-module has no {@code
 *       If-Match}), so two writers that each read, change and upload would lose one change:
 *       {@link io.github.mtasts.cloudflare.PolicyWorkers} lets one change of a script run at a
 *       time within this machine ({@code ScriptLock}), and after an upload reads the script back
 *       until the download (worker-script-download-worker) returns what was uploaded, before the
 *       next change reads it. That a download soon returns the upload is what the code relies on;
 *       the description says nothing of how soon, and the reading back waits within the deadline.
 *       A body is found again in a script by the map of bodies this package renders ({@link
 *       io.github.mtasts.cloudflare.PolicyWorkerScript#parse}); a script without it is another's
 *       Worker and is never changed.
 *   <li><b>Custom domains by host name.</b> worker-domain-list-domains with the exact {@code
 *       hostname} filter tells whether a host name is attached and to which script ({@code
 *       service}); attach is called only when it is not attached to this script, so nothing
 *       relies on an attach of an attached host name succeeding. Detach before the script is
 *       deleted: worker-script-delete-worker says nothing of the script's custom domains.
 *   <li><b>Credentials refused.</b> HTTP 401 or 403, or the codes 6003/6111 (malformed header),
 *       9109 and 10000 ("Authentication error"; docs changelog "Enriched 403 responses for the
 *       Cloudflare API"), become {@link io.github.mtasts.cloudflare.CloudflareAuthenticationException}
 *       naming the permission the call needs: Zone / Zone / Read, Zone / DNS / Edit, Account /
 *       Workers Scripts / Edit (docs "Attach Domain": accepted permission Workers Scripts Write).
 *   <li><b>Rate limits.</b> Docs "Rate limits": 1200 requests per five minutes per user, then
 *       HTTP 429 for the following calls; {@code retry-after} is "the number of seconds, rounded
 *       up, until more capacity is available". A 429'd call was not carried out and is sent
 *       again after that many seconds, unless the wait would end after the operation's
 *       deadline: then the call fails at once, naming the wait. Server errors (5xx) and broken connections are retried with a
 *       doubling backoff for calls that may be sent twice (GET, PUT, PATCH, DELETE). A create
 *       (POST) whose answer was lost may have taken effect: the client lists the name again and
 *       returns the record it finds identical and marked as its own, or creates again. OkHttp's
 *       own silent retry of failed connections is off, because it would resend a POST.
 * </ul>
 */
package io.github.mtasts.cloudflare;
