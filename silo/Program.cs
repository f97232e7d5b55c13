using StreamingMarketing.Silo.Hosting;

await SiloHost.Build(args).RunAsync();
