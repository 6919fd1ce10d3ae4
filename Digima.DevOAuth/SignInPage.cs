using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;

namespace Digima.DevOAuth;

/// <summary>The sign-in and consent page: plain HTML with stable ids, so a browser test can
/// fill it in (#login, #password, #allow, #deny).</summary>
internal static class SignInPage
{
    public static IResult Render(
        OpenIddictRequest request, IEnumerable<KeyValuePair<string, StringValues>> parameters, string? login, string? error)
    {
        // Japanese stays readable in the page source (and in a test's assertion).
        var h = HtmlEncoder.Create(UnicodeRanges.All);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>サインイン - 開発用 OAuth サーバー</title>
            <style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}label{display:block;margin-top:1rem}
            input[type=text],input[type=password]{width:100%;padding:.4rem}button{margin:1.2rem .6rem 0 0;padding:.5rem 1.2rem}
            .error{color:#b00020}</style></head><body>
            <h1>開発用 OAuth サーバー</h1>
            """);
        html.Append("<p><strong id=\"client\">").Append(h.Encode(request.ClientId ?? "")).Append("</strong> が、あなたのメールの読み取りと送信を求めています。</p>");
        html.Append("<p>要求されたスコープ: <code id=\"scopes\">").Append(h.Encode(request.Scope ?? "")).Append("</code></p>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" id=\"error\" role=\"alert\">").Append(h.Encode(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, values) in parameters)
        {
            foreach (var value in values)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(h.Encode(name)).Append("\" value=\"").Append(h.Encode(value ?? "")).Append("\">");
            }
        }

        html.Append("<label for=\"login\">メールアドレス</label><input type=\"text\" id=\"login\" name=\"")
            .Append(AuthorizeEndpoint.LoginField).Append("\" autocomplete=\"username\" value=\"").Append(h.Encode(login ?? "")).Append("\">");
        html.Append("<label for=\"password\">パスワード</label><input type=\"password\" id=\"password\" name=\"")
            .Append(AuthorizeEndpoint.PasswordField).Append("\" autocomplete=\"current-password\">");
        html.Append("<button type=\"submit\" id=\"allow\" name=\"").Append(AuthorizeEndpoint.DecisionField)
            .Append("\" value=\"").Append(AuthorizeEndpoint.Allow).Append("\">サインインして許可</button>");
        html.Append("<button type=\"submit\" id=\"deny\" name=\"").Append(AuthorizeEndpoint.DecisionField)
            .Append("\" value=\"deny\">拒否</button></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
