using Digima.DevOAuth;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDevOAuthServer(builder.Configuration);

var app = builder.Build();
app.MapDevOAuthEndpoints();
app.Run();
