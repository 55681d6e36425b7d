#include "ui/gates/GatesExplanation.h"

#include <QCoreApplication>

namespace attnlab::ui {

QString gatesExplanation() {
    return QCoreApplication::translate(
        "attnlab::ui::GatesExplanation",
        "<p><b>What the gates do.</b> At every token an LSTM mixes the token x with its previous "
        "state h into z = W<sub>ih</sub> x + W<sub>hh</sub> h + b and splits it into four parts (in "
        "PyTorch's order i, f, g, o). The <b>input gate</b> i = σ(z<sub>i</sub>) says how much of the "
        "new candidate g = tanh(z<sub>g</sub>) is written to memory, the <b>forget gate</b> "
        "f = σ(z<sub>f</sub>) how much of the old memory is kept; together they update the <b>cell "
        "state</b> c′ = f ⊙ c + i ⊙ g. The <b>output gate</b> o = σ(z<sub>o</sub>) decides how much "
        "of that memory is shown as the new state h′ = o ⊙ tanh(c′), which is what attention "
        "compares: the encoder's states h̄<sub>s</sub> are its keys, the decoder's h<sub>t</sub> its "
        "query. A gate near 0 is closed, near 1 open; a unit whose forget gate stays near 1 while its "
        "input gate opens at a few tokens is keeping something for later (a field of the date, a "
        "digit still to write). The cell state is signed: blue below zero, red above. The encoder "
        "reads the source tokens (a bidirectional encoder's backward direction right to left); the "
        "decoder's column t is the step that wrote output token t.</p>");
}

} // namespace attnlab::ui
