import Dashboard

await ECSDashEntryPoint.run()
