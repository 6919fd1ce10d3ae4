using Bunit;
using Digima.Blazor.Components.Shared;
using Digima.Core.MailImport;
using Digima.Tests.Support;

namespace Digima.Tests.Blazor.Shared;

public sealed class MailAttachmentListTests : BlazorTestContext
{
    [Fact]
    public void Render_StoredAndNotStored_LinkToTheDownloadOrTheReason()
    {
        var cut = Render<MailAttachmentList>(p => p.Add(c => c.Attachments, new List<MailAttachment>
        {
            new("見積書.pdf", 2048) { FileId = 42 },
            new("動画.mp4", 30L * 1024 * 1024) { NotStored = AttachmentNotStored.TooLarge },
            new("壊れた.bin", 10) { NotStored = AttachmentNotStored.Unreadable },
        }));

        var link = cut.Find("[data-testid=attachment-link]");
        Assert.Equal("/attachments/42", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Equal("見積書.pdf", link.TextContent);
        var entries = cut.FindAll("[data-testid=attachment]");
        Assert.Contains("(2 KB)", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("(30 MB)", entries[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["サイズが大きいため保存されていません", "読み取れないため保存されていません"],
            cut.FindAll("[data-testid=attachment-note]").Select(n => n.TextContent));
        Assert.Single(cut.FindAll("[data-testid=attachment-link]"));
    }
}
