package dev.sociallogin.benchmarks;

/**
 * The harness's one entry point; each process of a run is this jar with another command.
 *
 * <pre>
 * java -jar bench-harness.jar run ...          side-by-side run (benchmarks/run calls it)
 * java -jar bench-harness.jar driver ...       the load driver (one workload against one service)
 * java -jar bench-harness.jar fake-kakao ...   the fake Kakao
 * java -jar bench-harness.jar datagen ...      growth data into a migrated, empty store
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: bench-harness.jar run|driver|fake-kakao|datagen [--option value ...]; see benchmarks/README.md");
            System.exit(64);
        }
        Args args = new Args(argv, 1);
        switch (argv[0]) {
            case "run" -> Orchestrator.main(args);
            case "driver" -> LoadDriver.main(args);
            case "fake-kakao" -> FakeKakao.main(args);
            case "datagen" -> DataGenerator.main(args);
            default -> {
                System.err.println("unknown command " + argv[0]);
                System.exit(64);
            }
        }
    }
}
