using System.Collections.Generic;
using System.Text.Json;
using NUnit.Framework;
using OciRuntime.Core.Spec;

namespace OciRuntime.Tests.Spec;

public class StateWriterTests
{
    private static IEnumerable<State> States()
    {
        yield return new State();
        yield return new State { OciVersion = "1.3.0", Id = "c1", Status = "creating", Pid = 42, Bundle = "/run/b" };
        yield return new State { OciVersion = "1.0.2", Id = "x", Status = "stopped", Bundle = "/b \"q\" é <&>\u2028\u0001", Annotations = [] };
        yield return new State
        {
            OciVersion = "1.3.0", Id = "c2", Status = "running", Pid = int.MaxValue, Bundle = "/b",
            Annotations = new Dictionary<string, string> { ["org.k"] = "v", ["é\"<"] = "\\n\n", [""] = "" },
        };
    }

    [TestCaseSource(nameof(States))]
    public void WritesWhatTheSerializerWrites(State state) =>
        Assert.That(StateWriter.Write(state), Is.EqualTo(JsonSerializer.Serialize(state, SpecJson.Default.State)));
}
