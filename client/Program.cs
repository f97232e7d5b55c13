using StreamingMarketing.Client;

return await CommandLine.RunAsync(args);
