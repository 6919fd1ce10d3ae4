using Digima.Blazor;
using Digima.Blazor.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddDigimaTelemetry();
builder.Services.AddDigima(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseDigima();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
