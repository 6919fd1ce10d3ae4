using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Mailboxes;

/// <summary>A saved password that no longer decrypts (tampered text, lost key ring) is reported,
/// never sent to a server and never guessed around.</summary>
public sealed class UnreadableSecretTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("mbsecret");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task TamperedPassword_ConnectionsThrow_AndTestAsksToTypeItAgain()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        await _services.Get<SaveMailboxSettingsCommand>().SaveAsync(rep, LocalMail.Input(rep.Email), CancellationToken.None);
        await using (var connection = await _services.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE mailboxes SET imap_password_protected = 'CfDJ8not-a-real-payload' WHERE user_id = @Id", new { rep.Id });
        }

        await Assert.ThrowsAsync<SecretUnreadableException>(() => _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None));
        var form = (await _services.Get<GetMailboxSettingsQuery>().GetAsync(rep, CancellationToken.None)).Input;
        var outcome = await _services.Get<TestMailboxConnectionCommand>().TestAsync(rep, form, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("Imap.Password", "保存されているパスワードを読み取れません。パスワードを入力し直してください。"), (error.PropertyName, error.ErrorMessage));
    }
}
