// exposure: a gain of exactly 2^EV on linear values.
#include "ops/GlobalOps.h"

#include <ATen/ATen.h>

namespace pictor::ops {

at::Tensor exposure(const at::Tensor& rgb, const at::Tensor& ev) {
    return rgb * at::exp2(ev.to(rgb.options()));
}

} // namespace pictor::ops
