using System.Diagnostics;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Digima.Benchmarks.Compose;

/// <summary>A 20,000-character draft saved again and again as compose's autosave does (the use
/// case the page calls: serialize, one guarded UPDATE), against the bare UPDATE of the same JSON
/// as the floor.</summary>
internal static class AutosaveRoundTrip
{
    public const int BodyLength = 20_000;

    public static async Task<(Stats App, Stats Baseline)> RunAsync(IServiceProvider provider, CurrentUser rep, ComposeRecipient to, int saves)
    {
        var body = Body();
        var content = new DraftContent { Input = new ComposeInput { To = [to], Subject = "お見積りのご案内", Body = body } };
        await using var scope = provider.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveDraftCommand>();
        var first = await save.SaveAsync(rep, null, 0, content, CancellationToken.None);
        var (id, version) = (first.Id, first.Version);

        var app = new List<double>(saves);
        for (var i = -20; i < saves; i++)
        {
            // One character changed per save, as typing does.
            content.Input.Body = body[..^1] + (char)('あ' + (i & 15));
            var started = Stopwatch.GetTimestamp();
            var saved = await save.SaveAsync(rep, id, version, content, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (saved.Status != DraftSaveStatus.Saved)
            {
                throw new InvalidOperationException($"Autosave {i} was not saved: {saved.Status}");
            }

            version = saved.Version;
            if (i >= 0)
            {
                app.Add(elapsed);
            }
        }

        var json = DraftJson.Serialize(content);
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        var baseline = new List<double>(saves);
        for (var i = -20; i < saves; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var connection = await dataSource.OpenConnectionAsync())
            await using (var update = new NpgsqlCommand("UPDATE mail_drafts SET content = CAST(@json AS jsonb) WHERE id = @id", connection))
            {
                update.Parameters.AddWithValue("json", json);
                update.Parameters.AddWithValue("id", id);
                await update.ExecuteNonQueryAsync();
            }

            if (i >= 0)
            {
                baseline.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return (Stats.Of(app), Stats.Of(baseline));
    }

    /// <summary>A proposal's worth of Japanese business text, 20,000 characters.</summary>
    private static string Body()
    {
        const string paragraph = "いつも大変お世話になっております。先日ご相談いただいた件につきまして、お見積りと導入計画をまとめましたのでご確認ください。\n";
        var text = new System.Text.StringBuilder(BodyLength + paragraph.Length);
        while (text.Length < BodyLength)
        {
            text.Append(paragraph);
        }

        return text.ToString(0, BodyLength);
    }
}
