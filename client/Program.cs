using Spectre.Console;
using StreamingMarketing.Client;

return await ClientApp.RunAsync(args, AnsiConsole.Console);
