using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;
using Vigil.Server;
using Vigil.Web;

namespace Vigil.Cli.Commands;

/// <summary>
/// The main job: the server — REST API, its reference page, and the analyst dashboard — on the database,
/// which is created and filled with the bundled UCDP data on first run.
/// </summary>
public sealed class ServeCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<ServeCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen (default http://127.0.0.1:5080: this machine only).")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--anonymous-read")]
        [Description("Let requests without a key read (never write). Off by default.")]
        public bool AnonymousRead { get; init; }

        [CommandOption("--requests-per-minute <N>")]
        [Description("Rate limit per key (or per address without one). Default 600.")]
        public int RequestsPerMinute { get; init; } = 600;

        [CommandOption("--trusted-proxy <IP>")]
        [Description("A reverse proxy (e.g. a TLS terminator on 127.0.0.1) whose X-Forwarded-For/-Proto/-Host headers are believed, so that cookies get Secure and HSTS is sent over https. Repeatable. Default: none.")]
        public string[] TrustedProxies { get; init; } = [];

        [CommandOption("--no-feeds")]
        [Description("Do not poll the watched news feeds in the background (vigil feeds poll still reads them).")]
        public bool NoFeeds { get; init; }

        [CommandOption("--feeds-allow-private")]
        [Description("Let feeds and their pages be read from loopback and private addresses (off by default, so that the server cannot be pointed at the network it stands in).")]
        public bool FeedsAllowPrivate { get; init; }

        public override ValidationResult Validate()
        {
            if (RequestsPerMinute < 1)
                return ValidationResult.Error($"--requests-per-minute: must be 1 or more (was {RequestsPerMinute})");
            foreach (var proxy in TrustedProxies)
            {
                if (!System.Net.IPAddress.TryParse(proxy, out _))
                    return ValidationResult.Error($"--trusted-proxy: '{proxy}' is not an IP address");
            }
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = VigilPaths.Database(settings.Database);
        var shown = settings.Location.ToString();
        using (var db = settings.OpenStore(clock))
        {
            FirstRunView.Run(output, db, reference, "vigil serve", cancellationToken);
            if (db.Access.GetKeys().Count == 0 && !settings.AnonymousRead)
                output.Console.MarkupLine("[yellow]No API key exists yet: create one with 'vigil keys create --name NAME --role admin', or start with --anonymous-read to browse without one.[/]");
        }

        output.Error.WriteLine($"vigil: starting the server on {shown} …");
        output.Error.Flush();
        var app = VigilServer.Build(["--urls", settings.Urls], new ServerOptions
        {
            Database = path,
            AnonymousRead = settings.AnonymousRead,
            RequestsPerMinute = settings.RequestsPerMinute,
            TrustedProxies = settings.TrustedProxies,
            PollFeeds = !settings.NoFeeds,
            Feeds = new Application.Feeds.FeedOptions { AllowPrivateAddresses = settings.FeedsAllowPrivate },
        }, clock, reference);
        VigilServer.Prepare(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
                output.Console.MarkupLine($"Vigil is serving [bold]{Markup.Escape(shown)}[/] at [link]{Markup.Escape(url)}[/] (dashboard /, API /api/v1, reference /api/docs). Ctrl+C stops it.");
        });
        app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
