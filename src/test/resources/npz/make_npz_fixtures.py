"""Writes the NumPy-made .npz fixtures of NpzWeightsTest (run with python3 and NumPy; the tests never need NumPy).

big_endian.npz: 'be_f4' = arange(6).reshape(2, 3) * 0.5 as '>f4', 'be_f8' = [1.25, -2.5, 3e-5] as '>f8',
'le_i8' = [-3, 0, 7] as '<i8', 'fortran' = arange(6).reshape(2, 3) as '<f4' in Fortran order, 'u1' = [0, 255] as 'u1'.
"""
import numpy as np

a = (np.arange(6, dtype=np.float64).reshape(2, 3) * 0.5)
np.savez("big_endian.npz",
         be_f4=a.astype(">f4"),
         be_f8=np.array([1.25, -2.5, 3e-5], dtype=">f8"),
         le_i8=np.array([-3, 0, 7], dtype="<i8"),
         fortran=np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)),
         u1=np.array([0, 255], dtype="u1"))
np.savez_compressed("compressed_nan.npz", w=np.array([1.0, np.nan, 2.0], dtype="<f4"))
