using Vigil.Cli;
using Vigil.Cli.Infrastructure;

return VigilCli.Run(args, CliOutput.FromProcessConsole());
