using NUnit.Framework;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Linux;

namespace OciRuntime.Tests.Lifecycle;

public class ContainerIdTests
{
    [TestCase("c1")]
    [TestCase("A_b+c-d.e")]
    [TestCase("...")]
    [TestCase("a,b")]
    [TestCase("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void AcceptsRuncIds(string id)
    {
        Assert.That(ContainerId.IsValid(id), Is.True);
        Assert.DoesNotThrow(() => ContainerId.Validate(id));
    }

    [TestCase("a/b")]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("a b")]
    [TestCase("x@y")]
    [TestCase("é")]
    [TestCase("a\0b")]
    [TestCase("a\nb")]
    public void RejectsWithRuncWording(string id)
    {
        var e = Assert.Throws<RuntimeException>(() => ContainerId.Validate(id));
        Assert.That(e!.Message, Is.EqualTo("invalid container ID format"));
    }

    [Test]
    public void RejectsEmpty()
    {
        var e = Assert.Throws<RuntimeException>(() => ContainerId.Validate(""));
        Assert.That(e!.Message, Is.EqualTo("container id cannot be empty"));
    }

    [Test]
    public void LengthLimitIsOnePathComponent()
    {
        Assert.That(ContainerId.IsValid(new string('a', ContainerId.MaxLength)), Is.True);
        Assert.That(ContainerId.IsValid(new string('a', ContainerId.MaxLength + 1)), Is.False);
    }
}
