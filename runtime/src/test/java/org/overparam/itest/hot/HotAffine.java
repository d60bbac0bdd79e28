package org.overparam.itest.hot;

/** {@link HotLinear} with a bias block: an update of the same component that changes the layout. */
public class HotAffine extends HotLinear {
    @Override
    protected boolean withBias() {
        return true;
    }
}
