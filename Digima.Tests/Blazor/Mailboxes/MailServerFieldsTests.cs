using Bunit;
using Digima.Blazor.Components.Pages.Mailboxes;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Blazor.Mailboxes;

public sealed class MailServerFieldsTests : BlazorTestContext
{
    private static MailServerInput Server() => new()
    {
        Host = "smtp.example.co.jp", Port = 465, Security = MailSecurity.SslOnConnect, UserName = "sato@example.co.jp",
    };

    private IRenderedComponent<MailServerFields> RenderFields(MailServerInput server, MailServerKey? saved, Dictionary<string, string>? errors = null) =>
        Render<MailServerFields>(p => p
            .Add(c => c.Title, "送信サーバー（SMTP）")
            .Add(c => c.Protocol, "smtp")
            .Add(c => c.Server, server)
            .Add(c => c.SavedKey, saved)
            .Add(c => c.PortFor, MailPorts.ForSmtp)
            .Add(c => c.Errors, errors ?? []));

    [Fact]
    public void Render_SavedPassword_FieldEmptyAndStateSaysSet()
    {
        var server = Server();

        var cut = RenderFields(server, server.Key);

        Assert.Equal("", cut.Find("[data-testid=mailbox-smtp-password]").GetAttribute("value") ?? "");
        var state = cut.Find("[data-testid=mailbox-smtp-password-state]");
        Assert.Equal("set", state.GetAttribute("data-state"));
        Assert.Contains("パスワード設定済み", state.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_Host_StateAsksForThePasswordAgain()
    {
        var server = Server();
        var cut = RenderFields(server, server.Key);

        cut.Find("[data-testid=mailbox-smtp-host]").Change("smtp.other.example");

        Assert.Equal("smtp.other.example", server.Host);
        Assert.Equal("reenter", cut.Find("[data-testid=mailbox-smtp-password-state]").GetAttribute("data-state"));
    }

    [Fact]
    public void Render_NothingSaved_NoPasswordState_AndErrorsUnderTheirFields()
    {
        var errors = new Dictionary<string, string> { ["Smtp.Host"] = "サーバー名（ホスト）を入力してください。", ["Imap.Port"] = "ほかのサーバー" };

        var cut = RenderFields(Server(), null, errors);

        Assert.Empty(cut.FindAll("[data-testid=mailbox-smtp-password-state]"));
        var messages = cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Equal(["サーバー名（ホスト）を入力してください。"], messages);
    }

    [Fact]
    public void Render_PasswordError_HintShownOnce()
    {
        var server = Server();
        var errors = new Dictionary<string, string> { ["Smtp.Password"] = "パスワードを入力してください。" };

        var cut = RenderFields(server, new MailServerKey("smtp.other.example", 465, server.UserName), errors);

        Assert.Empty(cut.FindAll("[data-testid=mailbox-smtp-password-state]"));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(cut.Markup, "パスワードを入力してください"));
    }
}
