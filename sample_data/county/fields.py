"""Dimensionless scalar fields on the grid: random surfaces and the smoothstep ramp."""

import numpy as np
from scipy import ndimage


def smoothstep(t):
    """Cubic ramp 3t² − 2t³ of t clipped to [0, 1]: 0 → 1 with zero slope at both ends."""
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def fractal(rng, shape, beta):
    """Gaussian random field with power spectrum ∝ k^-beta (spectral synthesis).

    White noise is filtered in the Fourier domain by k^(-beta/2); the result is periodic,
    normalised to zero mean and unit standard deviation.
    """
    ny, nx = shape
    white = rng.standard_normal(shape)
    spec = np.fft.rfft2(white)
    ky = np.fft.fftfreq(ny)[:, None]
    kx = np.fft.rfftfreq(nx)[None, :]
    k = np.hypot(kx, ky)
    k[0, 0] = 1.0  # avoids 0 ** negative; the mean term is zeroed below
    amp = k ** (-beta / 2.0)
    amp[0, 0] = 0.0
    field = np.fft.irfft2(spec * amp, s=shape)
    return (field - field.mean()) / field.std()


def smooth_noise(rng, shape, sigma_cells):
    """White noise smoothed by a Gaussian of sigma_cells, normalised to mean 0 and std 1."""
    f = ndimage.gaussian_filter(rng.standard_normal(shape), sigma_cells, mode="reflect")
    return (f - f.mean()) / f.std()
