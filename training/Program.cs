using Spectre.Console;
using StreamingMarketing.Training;

return await TrainingApp.RunAsync(args, AnsiConsole.Console);
