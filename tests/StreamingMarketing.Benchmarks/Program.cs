using Spectre.Console;
using StreamingMarketing.Benchmarks;

return await BenchmarksApp.RunAsync(args, AnsiConsole.Console);
