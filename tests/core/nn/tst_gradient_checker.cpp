// The gradient checker itself cannot pass by accident: NaN or infinite gradients, and a parameter
// that backward never reaches, fail it; a correct gradient passes.
#include "support/GradientCheck.h"

#include <QtTest>

#include <cmath>

using namespace attnlab;
using namespace attnlab::test;

class TestGradientChecker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void correctGradientPasses();
    void nanGradientFails();
    void infiniteLossFails();
    void disconnectedParameterFails();
};

namespace {
// L = Σ p², dL/dp = 2p; `used` decides whether q enters the loss.
struct Toy {
    Parameter<double> p{"p", 2, 2};
    Parameter<double> q{"q", 1, 3};
    Toy() {
        p.value << 0.5, -1.0, 2.0, 0.25;
        q.value << 1.0, 2.0, 3.0;
    }
    ParameterList<double> parameters() { return {&p, &q}; }
};
} // namespace

void TestGradientChecker::correctGradientPasses() {
    Toy toy;
    const auto result = checkGradients(toy.parameters(), {}, [&](bool backward) {
        if (backward) {
            toy.p.grad = 2 * toy.p.value;
            toy.q.grad = toy.q.value.array().cos().matrix();
        }
        return toy.p.value.squaredNorm() + toy.q.value.array().sin().sum();
    });
    QVERIFY2(result.maxRelativeError < 1e-8, result.worst.c_str());
    QCOMPARE(result.checked, 7);
}

void TestGradientChecker::nanGradientFails() {
    Toy toy;
    const auto result = checkGradients(toy.parameters(), {}, [&](bool backward) {
        if (backward) {
            toy.p.grad = 2 * toy.p.value;
            toy.p.grad(1, 0) = std::nan("");
            toy.q.grad = toy.q.value.array().cos().matrix();
        }
        return toy.p.value.squaredNorm() + toy.q.value.array().sin().sum();
    });
    QVERIFY(std::isinf(result.maxRelativeError));
    QVERIFY2(result.worst.starts_with("p[1,0] not finite"), result.worst.c_str());
}

void TestGradientChecker::infiniteLossFails() {
    Toy toy;
    const auto result = checkGradients(toy.parameters(), {}, [&](bool backward) {
        if (backward) {
            toy.p.grad.setConstant(INFINITY);
            toy.q.grad.setConstant(INFINITY);
        }
        return INFINITY; // inf - inf in the difference quotient is NaN
    });
    QVERIFY(std::isinf(result.maxRelativeError));
    QVERIFY2(result.worst.find("not finite") != std::string::npos, result.worst.c_str());
}

void TestGradientChecker::disconnectedParameterFails() {
    Toy toy; // q never reaches the loss, and backward leaves its gradient zero: both agree on 0
    const auto result = checkGradients(toy.parameters(), {}, [&](bool backward) {
        if (backward) {
            toy.p.grad = 2 * toy.p.value;
            toy.q.grad.setZero();
        }
        return toy.p.value.squaredNorm();
    });
    QVERIFY(std::isinf(result.maxRelativeError));
    QVERIFY2(result.worst.starts_with("q: the gradient is zero everywhere"), result.worst.c_str());
}

QTEST_APPLESS_MAIN(TestGradientChecker)
#include "tst_gradient_checker.moc"
