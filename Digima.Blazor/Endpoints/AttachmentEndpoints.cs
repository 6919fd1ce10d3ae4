using Digima.Blazor.Auth;
using Digima.Core.Attachments;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Digima.Blazor.Endpoints;

/// <summary>Uploads from compose (「ファイルを添付」, drag and drop). A plain HTTP POST and not the
/// circuit: a file sent over SignalR would sit in the circuit's memory and crawl in 32 KB
/// messages. The body is the file itself, streamed into the store as it arrives (no form, so
/// nothing buffers it); its name comes in the query, its type as the request's Content-Type.
/// Downloads are the one <c>GET /attachments/{id}</c> of imported mail's feature.</summary>
internal static class AttachmentEndpoints
{
    public const string UploadPath = "/attachments";

    /// <summary>Past what the store reads before it stops (one chunk over the limit): a larger body
    /// is cut off by the server, not read to its end.</summary>
    private const long RequestSlack = 1024 * 1024;

    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
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
}

/// <summary>What the page gets back: the stored file as compose shows it.</summary>
internal sealed record UploadedAttachment(long Id, string Name, long Size, string ContentType);
