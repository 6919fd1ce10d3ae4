using Digima.Blazor.Auth;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Digima.Blazor.Endpoints;

/// <summary>Stored files over plain HTTP, never through the circuit (a file sent over SignalR
/// would sit in the circuit's memory and crawl in 32 KB messages).
/// <para>Upload (compose's 「ファイルを添付」 and drag and drop): the body is the file itself,
/// streamed into the store as it arrives (no form, so nothing buffers it); its name comes in the
/// query, its type as the request's Content-Type.</para>
/// <para>Download: the one download of a stored file (an imported mail's attachment, a file of a
/// mail written here, a rep's upload), for whoever <see cref="OpenAttachmentQuery"/> lets read it;
/// anyone else gets 404, as for a file that does not exist. Received files are hostile until
/// proven otherwise, so whatever the type (HTML, SVG, XML) the browser is told to save, never to
/// show: attachment disposition, no sniffing, and a sandbox without any source should it render
/// it all the same.</para></summary>
internal static class AttachmentEndpoints
{
    public const string UploadPath = "/attachments";

    /// <summary>Past what the store reads before it stops (one chunk over the limit): a larger body
    /// is cut off by the server, not read to its end.</summary>
    private const long RequestSlack = 1024 * 1024;

    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:long}", async (long id, HttpContext context, OpenAttachmentQuery open) =>
        {
            if (context.User.ToCurrentUser() is not { } user)
            {
                return Results.Unauthorized();
            }

            AttachmentDownload download;
            try
            {
                download = await open.OpenAsync(user, id, context.RequestAborted);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }

            await using (download.Content)
            {
                WriteHeaders(context.Response, download.File);
                // Chunk by chunk from the store: a large file is never held whole.
                await download.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }

            return Results.Empty;
        }).RequireAuthorization();

        // The antiforgery token rendered into the compose page comes back as a header, so a form
        // or script on another site cannot store files as a signed-in rep.
        endpoints.MapPost(UploadPath, async (HttpContext context, IAntiforgery antiforgery, UploadAttachmentCommand upload, AttachmentOptions options, string? name, long? attached) =>
        {
            if (context.User.ToCurrentUser() is not { } user)
            {
                return Results.Unauthorized();
            }

            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.MaxTotalBytes + RequestSlack;
            }

            var outcome = await upload.UploadAsync(
                user, name ?? "", context.Request.ContentType ?? "", context.Request.Body, attached ?? 0, context.Request.ContentLength, context.RequestAborted);
            if (!outcome.Succeeded)
            {
                return Results.Json(new { error = outcome.Errors[0].ErrorMessage }, statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var file = outcome.Value!;
            return Results.Json(new UploadedAttachment(file.Id, file.FileName, file.Size, file.ContentType));
        }).RequireAuthorization().DisableAntiforgery();
        return endpoints;
    }

    private static void WriteHeaders(HttpResponse response, StoredFile file)
    {
        // filename (ASCII, others as "_") for old clients and filename* (RFC 5987, UTF-8) for the rest.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        var headers = response.Headers;
        headers.ContentDisposition = disposition.ToString();
        response.ContentType = file.ContentType;
        response.ContentLength = file.Size;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
    }
}

/// <summary>What the page gets back from an upload: the stored file as compose shows it.</summary>
internal sealed record UploadedAttachment(long Id, string Name, long Size, string ContentType);
