using Vigil.Server;

var app = VigilServer.Build(args);
VigilServer.Prepare(app);
app.Run();

/// <summary>The server's entry point (also what the tests' WebApplicationFactory starts).</summary>
public partial class Program;
