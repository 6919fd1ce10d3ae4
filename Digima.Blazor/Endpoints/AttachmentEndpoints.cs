using Digima.Blazor.Auth;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Microsoft.Net.Http.Headers;

namespace Digima.Blazor.Endpoints;

/// <summary>The one download of a stored file (an imported mail's attachment, a file of a mail
/// written here, a rep's upload), for whoever <see cref="OpenAttachmentQuery"/> lets read it;
/// anyone else gets 404, as for a file that does not exist. Received files are hostile until
/// proven otherwise, so whatever the type (HTML, SVG, XML) the browser is told to save, never
/// to show: attachment disposition, no sniffing, and a sandbox without any source should it
/// render it all the same.</summary>
internal static class AttachmentEndpoints
{
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
