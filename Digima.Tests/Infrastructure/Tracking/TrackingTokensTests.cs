using Digima.Core.Tracking;
using Digima.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Digima.Tests.Infrastructure.Tracking;

public sealed class TrackingTokensTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("tokens");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private ITrackingTokens Tokens => _services.Get<ITrackingTokens>();

    [Fact]
    public async Task Create_ThenRead_SameTargetAndIdNotVisible()
    {
        var target = new TrackingTarget(123456, TrackingKind.Click, 7);

        var token = await Tokens.CreateAsync(target, CancellationToken.None);

        Assert.Equal(target, await Tokens.ReadAsync(token, CancellationToken.None));
        Assert.Matches("^[A-Za-z0-9_-]{38}$", token);
        Assert.DoesNotContain("123456", token, StringComparison.Ordinal);
        Assert.NotEqual(token, await Tokens.CreateAsync(target with { MailId = 123457 }, CancellationToken.None));
    }

    [Fact]
    public async Task Read_AnyAlteredByte_Null()
    {
        var bytes = WebEncoders.Base64UrlDecode(await Tokens.CreateAsync(new TrackingTarget(42, TrackingKind.Open), CancellationToken.None));
        for (var i = 0; i < bytes.Length; i++)
        {
            var forged = (byte[])bytes.Clone();
            forged[i] ^= 0x01;
            Assert.Null(await Tokens.ReadAsync(WebEncoders.Base64UrlEncode(forged), CancellationToken.None));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public async Task Read_UnknownToken_Null(string token) =>
        Assert.Null(await Tokens.ReadAsync(token, CancellationToken.None));

    [Fact]
    public async Task Read_TokenFromAnotherInstallation_Null()
    {
        await using var other = await ServiceHarness.CreateAsync("tokens2");
        var foreign = await other.Get<ITrackingTokens>().CreateAsync(new TrackingTarget(1, TrackingKind.Open), CancellationToken.None);

        Assert.Null(await Tokens.ReadAsync(foreign, CancellationToken.None));
    }

    [Fact]
    public async Task HashAddress_SameAddressSameHash_NoAddressInIt()
    {
        var hash = await Tokens.HashAddressAsync("203.0.113.9", CancellationToken.None);

        Assert.Equal(hash, await Tokens.HashAddressAsync("203.0.113.9", CancellationToken.None));
        Assert.NotEqual(hash, await Tokens.HashAddressAsync("203.0.113.10", CancellationToken.None));
        Assert.DoesNotContain("203", hash, StringComparison.Ordinal);
    }
}
