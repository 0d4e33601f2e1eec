import DashboardCLI

await ECSDashEntryPoint.run()
