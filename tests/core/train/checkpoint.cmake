# Tests of the model files (core/train/checkpoint.cmake).
attnlab_add_test(tst_checkpoint_sha256 SOURCES tst_checkpoint_sha256.cpp LIBS attnlab_checkpoint)
attnlab_add_test(tst_layout_copy SOURCES tst_layout_copy.cpp LIBS attnlab_checkpoint)
attnlab_add_test(tst_checkpoint_roundtrip SOURCES tst_checkpoint_roundtrip.cpp LIBS attnlab_checkpoint)
attnlab_add_test(tst_checkpoint_refuse SOURCES tst_checkpoint_refuse.cpp LIBS attnlab_checkpoint)
# Runs docs/FORMAT.md's NumPy snippet; exits 77 (skipped) where python3 has no numpy.
attnlab_add_test(tst_checkpoint_python SOURCES tst_checkpoint_python.cpp LIBS attnlab_checkpoint)
set_tests_properties(tst_checkpoint_python PROPERTIES SKIP_RETURN_CODE 77)
# Fault injection: a save failing at each of its system calls, and a save killed mid-way.
attnlab_add_test(tst_checkpoint_faults SOURCES tst_checkpoint_faults.cpp LIBS attnlab_checkpoint)
attnlab_add_test(tst_checkpoint_kill SOURCES tst_checkpoint_kill.cpp LIBS attnlab_checkpoint)
