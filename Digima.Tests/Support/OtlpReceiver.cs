using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Digima.Tests.Support;

/// <summary>An OTLP/HTTP receiver for the tests: takes what the app's real OTLP exporter posts
/// (protobuf, to /v1/traces, /v1/metrics, /v1/logs), answers 200, and keeps the spans, read with
/// just enough of the protobuf wire format to know each span's trace, name, scope and attributes.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly Task _serving;

    public OtlpReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<ReceivedSpan> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Waits until the spans received hold what <paramref name="found"/> looks for.</summary>
    public async Task<T> WaitForAsync<T>(Func<IReadOnlyList<ReceivedSpan>, T?> found, string what, int seconds = 60)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (found(Spans) is { } result)
            {
                return result;
            }

            await Task.Delay(200);
        }

        var ours = Spans.Where(s => s.Scope == Digima.Core.Telemetry.DigimaTelemetry.SourceName)
            .Select(s => $"{s.Name} [{s.TraceId[..8]}] {string.Join(" ", s.Attributes.Select(a => a.Key + "=" + a.Value))}");
        throw new TimeoutException($"No {what} among the {Spans.Count} spans exported; the app's own:{Environment.NewLine}{string.Join(Environment.NewLine, ours)}");
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopped.
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                var spans = OtlpSpans.Read(body.ToArray());
                lock (_spans)
                {
                    _spans.AddRange(spans);
                }
            }

            // An empty ExportServiceResponse (no partial success) is zero bytes of protobuf.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One span as exported: hex trace and span ids, the instrumentation scope (the
/// ActivitySource's name) and the attributes with string, integer or boolean values as text.</summary>
public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, IReadOnlyDictionary<string, string> Attributes);

/// <summary>Reads ExportTraceServiceRequest: resource_spans (1) -> scope_spans (2) -> scope (1,
/// name 1) and spans (2: trace_id 1, span_id 2, parent_span_id 4, name 5, attributes 9).</summary>
internal static class OtlpSpans
{
    public static List<ReceivedSpan> Read(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var scopeFields = Fields(scopeSpans.Bytes);
                var scope = scopeFields.Where(f => f.Number == 1).Select(f => Text(Fields(f.Bytes), 1)).FirstOrDefault() ?? "";
                spans.AddRange(scopeFields.Where(f => f.Number == 2).Select(f => Span(f.Bytes, scope)));
            }
        }

        return spans;
    }

    private static ReceivedSpan Span(byte[] bytes, string scope)
    {
        var fields = Fields(bytes);
        var attributes = new Dictionary<string, string>();
        foreach (var kv in fields.Where(f => f.Number == 9).Select(f => Fields(f.Bytes)))
        {
            var key = Text(kv, 1) ?? "";
            var value = kv.Where(f => f.Number == 2).Select(f => Fields(f.Bytes)).FirstOrDefault() ?? [];
            attributes[key] = value.FirstOrDefault() switch
            {
                { Number: 1 } s => Encoding.UTF8.GetString(s.Bytes),
                { Number: 2 } b => (b.Varint != 0).ToString(),
                { Number: 3 } i => ((long)i.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
        }

        return new ReceivedSpan(Hex(fields, 1), Hex(fields, 2), Hex(fields, 4), Text(fields, 5) ?? "", scope, attributes);
    }

    private static string Hex(List<Field> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => Convert.ToHexStringLower(f.Bytes)).FirstOrDefault() ?? "";

    private static string? Text(List<Field> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => Encoding.UTF8.GetString(f.Bytes)).FirstOrDefault();

    private static List<Field> Fields(byte[] data)
    {
        var fields = new List<Field>();
        var i = 0;
        while (i < data.Length)
        {
            var tag = ReadVarint(data, ref i);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    fields.Add(new Field(number, ReadVarint(data, ref i), []));
                    break;
                case 1:
                    i += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(data, ref i);
                    fields.Add(new Field(number, 0, data[i..(i + length)]));
                    i += length;
                    break;
                case 5:
                    i += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unexpected wire type in field {number}.");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private sealed record Field(int Number, ulong Varint, byte[] Bytes);
}
