#include "ui/gates/GatesExplanation.h"

#include <QCoreApplication>

namespace attnlab::ui {

QString gatesExplanation() {
    return QCoreApplication::translate(
        "attnlab::ui::GatesExplanation",
        "<p><b>What the gates do.</b> At every token an LSTM mixes the token x with its previous "
        "state h into <i>z</i> = W<sub>ih</sub> x + W<sub>hh</sub> h + b and splits it into four "
        "parts (in PyTorch's order i, f, g, o). The <b>input gate</b> i = σ(z<sub>i</sub>) says how "
        "much of the new candidate g = tanh(z<sub>g</sub>) is written to memory; the <b>forget "
        "gate</b> f = σ(z<sub>f</sub>) how much of the old memory is kept; together they update the "
        "<b>cell state</b> c′ = f ⊙ c + i ⊙ g. The <b>output gate</b> o = σ(z<sub>o</sub>) decides "
        "how much of the memory is shown as the new state h′ = o ⊙ tanh(c′), which is what attention "
        "compares: the encoder's h̄<sub>s</sub> are the keys, the decoder's h<sub>t</sub> the "
        "query.</p>"
        "<p>Gates lie between 0 (closed) and 1 (open), in the heatmap colours of View &gt; Heatmap "
        "Colours. A unit whose forget gate stays near 1 while its input gate opens at a few tokens "
        "is keeping something for later (a position, a digit still to be written). The cell state "
        "is signed: blue below zero, red above, white at zero. The encoder's columns are the source "
        "tokens (a bidirectional encoder's backward direction reads them right to left); the "
        "decoder's are its output tokens, column t being the step that wrote token t. Sort the "
        "units by variance to bring the ones that react to the sentence to the top; click a row to "
        "follow that unit below.</p>");
}

} // namespace attnlab::ui
