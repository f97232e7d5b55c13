namespace StreamingMarketing.Training; public static class BenchCommand { public static Task<int> RunAsync(CommandLine c) => Task.FromResult(0); }
